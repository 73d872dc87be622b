package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.gate.RuleGate;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * #11: a rule bundle that would run arbitrary Java is refused before anything compiles or runs, on every path: the
 * dry run, publishing, a version stored in the database (followed from another node or loaded at start). Each
 * payload would create a marker file if it ran; the marker never appears, the live version keeps answering and the
 * JVM is alive (System.exit would have ended this test run).
 */
@SpringBootTest
@AutoConfigureMockMvc
class MaliciousRulesRefusedTest {

    private static final String HEADER = """
            package videolinks.rules;

            import com.videolinks.policy.vocabulary.*;
            """;
    private static final String FILE = "evil.drl";

    @TempDir
    static Path markers;

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    LinkPolicy policy;
    @Autowired
    RuleReleases releases;
    @Autowired
    RuleVersions versions;
    @Autowired
    RuleGate gate;
    @Autowired
    RuleCompiler compiler;
    @Autowired
    ObjectMapper json;

    Api operator;

    /** Health reports the last attempt: leave it accepted for the tests that share this context. */
    @org.junit.jupiter.api.AfterAll
    static void leaveTheLastAttemptAccepted(@Autowired RuleReleases releases) {
        releases.attempt(ShippedBundle.read(), "test leaves an accepted attempt", false);
    }

    @BeforeEach
    void operator() {
        String tag = Long.toString(System.nanoTime());
        users.create("op-evil-" + tag, Api.PASSWORD, Role.OPERATOR, null, null);
        operator = new Api(mvc, "op-evil-" + tag);
    }

    private static String marker(String name) {
        return markers.resolve(name).toString();
    }

    private static String rule(String then) {
        return HEADER + """

                rule "Every session is evil"
                when
                    $session : SessionFact()
                then
                    %s
                end
                """.formatted(then);
    }

    /** name, DRL, the line the refusal names, what the refusal says. */
    static Stream<Arguments> payloads() {
        return Stream.of(
                Arguments.of("System.exit", rule("System.exit(0);"), 9, "calling \"System.exit\"(...) is not allowed"),
                Arguments.of("file read", rule("insert( new LinkPending( new String( java.nio.file.Files.readAllBytes("
                        + "java.nio.file.Path.of(\"/etc/passwd\") ) ), drools.getRule().getName() ) );"), 9,
                        "new \"String\" is not allowed"),
                Arguments.of("Runtime.exec", rule("Runtime.getRuntime().exec( new String[] { \"touch\", \""
                        + marker("exec") + "\" } );"), 9, "calling \"(...).exec\"(...) is not allowed"),
                Arguments.of("reflection", rule("Class.forName(\"java.nio.file.Files\").getMethod(\"createFile\", "
                        + "java.nio.file.Path.class, java.nio.file.attribute.FileAttribute[].class).invoke(null, "
                        + "java.nio.file.Path.of(\"" + marker("reflection") + "\"), "
                        + "new java.nio.file.attribute.FileAttribute[0]);"), 9, "calling \"(...).invoke\"(...) is not allowed"),
                Arguments.of("static call", rule("java.nio.file.Files.createFile( java.nio.file.Path.of( \""
                        + marker("static") + "\" ) );"), 9, "calling \"java.nio.file.Files.createFile\"(...) is not allowed"),
                Arguments.of("function", HEADER + """
                        function void mark() {
                            new java.io.File( "%s" ).mkdir();
                        }
                        rule "Every session is marked"
                        when
                            SessionFact()
                        then
                            mark();
                        end
                        """.formatted(marker("function")), 4, "function \"mark\" is not allowed"),
                Arguments.of("global", HEADER + """
                        global java.util.List sink;
                        rule "Every session is collected"
                        when
                            $session : SessionFact()
                        then
                            sink.add( java.nio.file.Files.createFile( java.nio.file.Path.of( "%s" ) ) );
                        end
                        """.formatted(marker("global")), 4, "global \"sink\" is not allowed"),
                Arguments.of("eval", HEADER + """
                        rule "Every session is evaluated"
                        when
                            eval( true )
                        then
                            java.nio.file.Files.createFile( java.nio.file.Path.of( "%s" ) );
                        end
                        """.formatted(marker("eval")), 6, "eval is not allowed"),
                Arguments.of("import java.nio.file.*", """
                        package videolinks.rules;

                        import java.nio.file.*;
                        import com.videolinks.policy.vocabulary.*;

                        rule "Every session writes a file"
                        when
                            SessionFact()
                        then
                            Files.createFile( Path.of( "%s" ) );
                        end
                        """.formatted(marker("import")), 3, "import of \"java.nio.file.*\" is not allowed"),
                Arguments.of("while(true)", rule("while (true) { java.nio.file.Files.writeString( java.nio.file.Path.of( \""
                        + marker("loop") + "\" ), \"spinning\" ); }"), 9, "a loop (while) is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void aDryRunRefusesThePayloadBeforeItRuns(String name, String drl, int line, String refusal) throws Exception {
        assertRefusedOverHttp("/api/rules/validate", drl, line, refusal);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("payloads")
    void publishingRefusesThePayloadBeforeItRuns(String name, String drl, int line, String refusal) throws Exception {
        assertRefusedOverHttp("/api/rules/publish", drl, line, refusal);
    }

    private void assertRefusedOverHttp(String path, String drl, int line, String refusal) throws Exception {
        String liveBefore = policy.current().version();

        operator.post(path, body(ShippedBundle.withRuleFile(FILE, drl)))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("rules-rejected"))
                .andExpect(jsonPath("$.outcome").value("REJECTED"))
                .andExpect(jsonPath("$.errors[0].file").value(FILE))
                .andExpect(jsonPath("$.errors[0].line").value(line))
                .andExpect(jsonPath("$.errors[0].column").isNumber())
                .andExpect(jsonPath("$.errors[0].message", containsString(refusal)))
                .andExpect(content().string(not(containsString("root:"))));

        assertNothingRan(liveBefore);
    }

    @Test
    void theRefusalNamesTheRuleBroken() throws Exception {
        operator.post("/api/rules/validate", body(ShippedBundle.withRuleFile(FILE, rule("System.exit(0);"))))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(jsonPath("$.errors[0].rule").value("Every session is evil"))
                .andExpect(jsonPath("$.problems[0]", containsString(FILE + ":9:5: rule \"Every session is evil\"")));
    }

    @Test
    void aStoredVersionAnotherNodeActivatedIsRefusedHereAndTheLiveVersionStays() {
        var liveBefore = releases.state().activeVersionId();
        long evil = storeBypassingTheGate(rule("java.nio.file.Files.createFile( java.nio.file.Path.of( \""
                + marker("followed") + "\" ) );"));
        try {
            versions.activate(evil, "a compromised node");

            assertThat(releases.follow()).isFalse();
            assertThat(releases.follow()).isFalse();

            assertThat(releases.state().activeVersionId()).isEqualTo(liveBefore);
            assertNothingRan(String.valueOf(liveBefore));
        } finally {
            versions.activate(liveBefore, "test restores the live version");
        }
    }

    @Test
    void aStoredVersionRefusedAtStartUpGivesWayToTheFolderThroughTheGate() {
        var liveBefore = releases.state().activeVersionId();
        long evil = storeBypassingTheGate(rule("java.nio.file.Files.createFile( java.nio.file.Path.of( \""
                + marker("started") + "\" ) );"));
        try {
            versions.activate(evil, "a compromised node");
            RuleReleases restarted = new RuleReleases(versions, gate, compiler, new SimpleMeterRegistry());

            LinkPolicy started = restarted.start(Path.of("rules"), "test node");

            assertThat(started.current().version()).isNotEqualTo(String.valueOf(evil));
            assertThat(versions.active().orElseThrow().versionId()).isNotEqualTo(evil);
            assertThat(started.decide(RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK, Channel.MY_BOOKINGS).status())
                    .isEqualTo(LinkStatus.SHOWN);
            assertNothingRan(policy.current().version());
        } finally {
            versions.activate(liveBefore, "test restores the live version");
            releases.follow();
        }
    }

    private long storeBypassingTheGate(String drl) {
        RuleBundle bundle = ShippedBundle.withRuleFile(FILE, drl);
        long id = versions.begin(bundle, "written straight into the database");
        versions.finish(id, com.videolinks.policy.versions.RuleVersion.Outcome.PUBLISHED, List.of(), 0, null);
        return id;
    }

    private void assertNothingRan(String liveVersion) throws RuntimeException {
        try (Stream<Path> created = Files.list(markers)) {
            assertThat(created).as("marker files a payload would have created").isEmpty();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertThat(policy.current().version()).isEqualTo(liveVersion);
        assertThat(policy.decide(RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK, Channel.MY_BOOKINGS).status())
                .isEqualTo(LinkStatus.SHOWN);
        // a pool thread is RUNNABLE for a moment after its task; one that spins stays so
        org.awaitility.Awaitility.await("no rule-gate thread left spinning").atMost(java.time.Duration.ofSeconds(10))
                .until(() -> Thread.getAllStackTraces().keySet().stream()
                        .noneMatch(t -> t.getName().equals("rule-gate") && t.getState() == Thread.State.RUNNABLE));
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
