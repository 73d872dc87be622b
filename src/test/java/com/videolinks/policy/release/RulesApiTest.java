package com.videolinks.policy.release;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasKey;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.As;

/** #3: operators validate, publish, diff and roll back rules over HTTP; nobody else may. */
@SpringBootTest
@AutoConfigureMockMvc
class RulesApiTest {

    private static final String REWORDED = "Video links need a Business or eCommerce plan (S4) - reworded.";

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    LinkPolicy policy;
    @Autowired
    ObjectMapper json;

    Api operator;
    Api owner;

    @BeforeEach
    void users() {
        String tag = Long.toString(System.nanoTime());
        users.create("op-" + tag, Api.PASSWORD, Role.OPERATOR, null, null);
        users.create("owner-" + tag, Api.PASSWORD, Role.OWNER, null, null);
        operator = new Api(mvc, As.operator("op-" + tag));
        owner = new Api(mvc, As.owner("owner-" + tag));
    }

    @Test
    void aDryRunChecksAndStoresTheBundleButChangesNothingLive() throws Exception {
        String liveBefore = policy.current().version();
        operator.post("/api/rules/validate", body(reworded()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VALIDATED"))
                .andExpect(jsonPath("$.scenariosFailed").value(0))
                .andExpect(jsonPath("$.nameReads").isEmpty());
        org.assertj.core.api.Assertions.assertThat(policy.current().version()).isEqualTo(liveBefore);
    }

    /** ADR 017: a rule that reads an id other than by equality passes, and the operator is told what it costs. */
    @Test
    void aRuleReadingAnIdIsValidatedAndTheOperatorToldItIsAskedOfTheEngineEveryTime() throws Exception {
        RuleBundle readsSiteId = ShippedBundle.withRuleFile("plan.drl", ShippedBundle.content("plan.drl")
                .replace("SiteFact( plan not in", "SiteFact( siteId > 0, plan not in"));
        operator.post("/api/rules/validate", body(readsSiteId))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("VALIDATED"))
                .andExpect(jsonPath("$.scenariosFailed").value(0))
                .andExpect(jsonPath("$.nameReads[0]", containsString("plan.drl:")))
                .andExpect(jsonPath("$.nameReads[0]", containsString("compares a name with >")));
    }

    @Test
    void aBrokenBundleIsRefusedWith422AndTheProblems() throws Exception {
        RuleBundle broken = ShippedBundle.withRuleFile("plan.drl", "rule \"half\" when then");
        operator.post("/api/rules/validate", body(broken))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.problems[0]", containsString("plan.drl")));
    }

    @Test
    void publishDiffAndRollBack() throws Exception {
        String original = operator.get("/api/rules/active").andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        long originalId = ((Number) JsonPath.read(original, "$.activeVersionId")).longValue();

        String published = operator.post("/api/rules/publish", body(reworded()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("PUBLISHED"))
                .andReturn().getResponse().getContentAsString();
        long newId = ((Number) JsonPath.read(published, "$.versionId")).longValue();
        org.assertj.core.api.Assertions.assertThat(policy.current().version()).isEqualTo(String.valueOf(newId));

        operator.get("/api/rules/versions/" + newId + "/diff?against=" + originalId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasKey("plan.drl")))
                .andExpect(jsonPath("$['plan.drl']", containsString("+        \"" + REWORDED)));
        operator.get("/api/rules/versions").andExpect(jsonPath("$[0].id").value(newId));

        String rolledBack = operator.post("/api/rules/versions/" + originalId + "/rollback", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.outcome").value("PUBLISHED"))
                .andReturn().getResponse().getContentAsString();
        long rollbackId = ((Number) JsonPath.read(rolledBack, "$.versionId")).longValue();
        org.assertj.core.api.Assertions.assertThat(policy.current().version()).isEqualTo(String.valueOf(rollbackId));
        operator.get("/api/rules/versions/" + rollbackId + "/diff?against=" + originalId)
                .andExpect(jsonPath("$").isEmpty());
        operator.get("/api/rules/versions/" + rollbackId)
                .andExpect(jsonPath("$.version.triggeredBy", containsString("rollback to version " + originalId)));
    }

    @Test
    void rollbackToAnUnknownVersionIs404() throws Exception {
        operator.post("/api/rules/versions/987654/rollback", "").andExpect(status().isNotFound());
    }

    @Test
    void theLiveSuitesRunOverHttpWithCoverage() throws Exception {
        operator.post("/api/rules/tests/run", "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.failed").value(0))
                .andExpect(jsonPath("$.coverage.unfiredRules").isEmpty());
    }

    @Test
    void nonOperatorsCannotPublishRollBackOrEvenDryRun() throws Exception {
        owner.post("/api/rules/publish", body(reworded())).andExpect(status().isForbidden());
        owner.post("/api/rules/validate", body(reworded())).andExpect(status().isForbidden());
        owner.post("/api/rules/versions/1/rollback", "").andExpect(status().isForbidden());
        owner.post("/api/rules/reload", "").andExpect(status().isForbidden());
        owner.get("/api/rules/versions").andExpect(status().isForbidden());
    }

    private static RuleBundle reworded() {
        return ShippedBundle.withReworded("Video links need a Business or eCommerce plan (S4).", REWORDED);
    }

    private String body(RuleBundle bundle) throws Exception {
        List<Map<String, String>> files = new ArrayList<>();
        for (RuleFile file : bundle.files()) {
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("name", file.name());
            entry.put("content", file.content());
            files.add(entry);
        }
        return json.writeValueAsString(Map.of("files", files));
    }
}
