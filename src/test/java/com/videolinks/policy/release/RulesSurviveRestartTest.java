package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;
import com.videolinks.VideolinksApplication;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.ShippedRulesFolder;

/**
 * #14 item 3: rules survive a restart as published (docs/adr-007-rules-source-of-truth.md). The database's active
 * version is the truth; a start offers its folder to the gate only when the folder changed since it was last seen.
 */
@ExtendWith(OutputCaptureExtension.class)
class RulesSurviveRestartTest {

    private static final String PLAN_REASON = "Video links need a Business or eCommerce plan (S4).";

    @Test
    void aVersionPublishedOverHttpIsStillLiveAfterARestartOnTheSameDatabaseAndFolder(@TempDir Path dir,
                                                                                    CapturedOutput output) throws Exception {
        Path rules = ShippedRulesFolder.copyTo(dir);
        String database = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        long published;
        try (ConfigurableApplicationContext node = start(rules, database, "before-restart")) {
            String folderVersion = node.getBean(LinkPolicy.class).current().version();
            node.getBean(AppUsers.class).create("ops-restart", "pw-restart", Role.OPERATOR, null, null);
            RuleBundle reworded = ShippedBundle.withReworded(PLAN_REASON,
                    "Video links need a Business or eCommerce plan (S4), published over HTTP.");

            HttpResponse<String> answer = publishOverHttp(node, reworded);

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            published = ((Number) JsonPath.read(answer.body(), "$.versionId")).longValue();
            assertThat(published).isNotEqualTo(Long.parseLong(folderVersion));
            assertThat(node.getBean(LinkPolicy.class).current().version()).isEqualTo(String.valueOf(published));
        }

        try (ConfigurableApplicationContext restarted = start(rules, database, "after-restart")) {
            assertThat(restarted.getBean(LinkPolicy.class).current().version()).isEqualTo(String.valueOf(published));
            RuleVersions versions = restarted.getBean(RuleVersions.class);
            assertThat(versions.active().orElseThrow().changedBy()).contains("published over HTTP by ops-restart");
            assertThat(versions.history(1).get(0).id()).as("the unchanged folder is not even attempted")
                    .isEqualTo(published);
            assertThat(restarted.getBean(RuleReleases.class).state().lastFailure()).isNull();
        }
        assertThat(output.getOut()).contains("has not changed since it was last seen", "is not offered again");
    }

    @Test
    void aFolderEditedWhileTheServiceWasDownIsOfferedAtTheNextStartAndTheStartSaysWhy(@TempDir Path dir,
                                                                                      CapturedOutput output) throws Exception {
        Path rules = ShippedRulesFolder.copyTo(dir);
        String database = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String before;
        try (ConfigurableApplicationContext node = start(rules, database, "before-edit")) {
            before = node.getBean(LinkPolicy.class).current().version();
        }
        Files.writeString(rules.resolve("plan.drl"), Files.readString(rules.resolve("plan.drl"))
                .replace(PLAN_REASON, "Video links need a Business or eCommerce plan (S4), edited while down."));

        try (ConfigurableApplicationContext restarted = start(rules, database, "after-edit")) {
            String live = restarted.getBean(LinkPolicy.class).current().version();
            assertThat(live).isNotEqualTo(before);
            RuleVersions versions = restarted.getBean(RuleVersions.class);
            assertThat(versions.find(Long.parseLong(live)).orElseThrow().triggeredBy())
                    .contains("start-up of", "changed since last seen");
            assertThat(versions.active().orElseThrow().changedBy()).contains("changed since last seen");
        }
        assertThat(output.getOut()).contains("The rules folder changed since the service last saw it");
    }

    @Test
    void aRestartOnAnUnchangedFolderThatEqualsTheLiveVersionCompilesOnceAndAttemptsNothing(@TempDir Path dir)
            throws Exception {
        Path rules = ShippedRulesFolder.copyTo(dir);
        String database = "jdbc:h2:mem:restart-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        String first;
        try (ConfigurableApplicationContext node = start(rules, database, "first")) {
            first = node.getBean(LinkPolicy.class).current().version();
        }
        try (ConfigurableApplicationContext again = start(rules, database, "second")) {
            assertThat(again.getBean(LinkPolicy.class).current().version()).isEqualTo(first);
            assertThat(again.getBean(RuleVersions.class).history(10)).hasSize(1);
        }
    }

    private static HttpResponse<String> publishOverHttp(ConfigurableApplicationContext node, RuleBundle bundle)
            throws Exception {
        List<Map<String, String>> files = bundle.files().stream()
                .map(f -> Map.of("name", f.name(), "content", f.content())).toList();
        String body = new ObjectMapper().writeValueAsString(Map.of("files", files));
        String base = "http://localhost:" + node.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        // as an operator's client does: a token from the sign-in endpoint, then Bearer
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=ops-restart&password=pw-restart")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        String token = JsonPath.read(signIn.body(), "$.access_token");
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/rules/publish"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigurableApplicationContext start(Path rules, String database, String node) {
        return new SpringApplicationBuilder(VideolinksApplication.class)
                .run(
                        "--spring.datasource.url=" + database,
                        "--server.port=0",
                        "--videolinks.rules.folder=" + rules,
                        "--videolinks.rules.watch=false",
                        "--videolinks.demo-data.enabled=false",
                        "--camunda.bpm.process-engine-name=" + node,
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false");
    }
}
