package com.videolinks.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;

/** Suites and coverage on a tiny rule set written here, so the counts are known. */
class ScenarioSuiteTest {

    static final String TINY_DRL = """
            package videolinks.rules;

            import com.videolinks.policy.vocabulary.*;

            rule "Classes are noticed"
            when
                SessionFact( kind == ServiceKind.CLASS )
            then
            end

            rule "Courses are noticed"
            when
                SessionFact( kind == ServiceKind.COURSE )
            then
            end

            rule "Offline sessions are noticed"
            when
                SessionFact( online == false )
            then
            end
            """;

    static final String TINY_SCENARIOS = """
            scenarios:
              - name: "a class"
                given: { session: { kind: CLASS } }
                ask: { channel: MY_BOOKINGS }
                rulesFired: ["Classes are noticed"]
                rulesNotFired: ["Offline sessions are noticed"]
              - name: "another class"
                given: { session: { kind: CLASS, sessionId: 11 } }
                ask: { channel: MEMBER_PAGES }
                rulesFired: ["Classes are noticed"]
              - name: "a course, expected wrongly"
                given: { session: { kind: COURSE } }
                ask: { channel: MY_BOOKINGS }
                rulesFired: ["Classes are noticed"]
            """;

    private static CompiledRules tiny;

    @BeforeAll
    static void compileTinyRules() {
        tiny = new RuleCompiler().compile(new RuleSet(List.of(new RuleFile("tiny.drl", TINY_DRL))), "tiny");
    }

    @Test
    void coverageCountsTheRulesFiredByAtLeastOneScenarioOutOfAllRules() {
        SuiteReport report = RuleTestSuite.run(tiny, Map.of("tiny.yaml", TINY_SCENARIOS));

        Coverage coverage = report.coverage();
        assertThat(coverage.rulesTotal()).isEqualTo(3);
        assertThat(coverage.rulesFired()).isEqualTo(2);
        assertThat(coverage.percent()).isEqualTo(66.6);
        assertThat(coverage.unfiredRules()).containsExactly("Offline sessions are noticed");
        assertThat(coverage.rules()).containsExactly(
                new Coverage.RuleHits("Classes are noticed", List.of("a class", "another class")),
                // a failing scenario still exercised the rule it fired
                new Coverage.RuleHits("Courses are noticed", List.of("a course, expected wrongly")),
                new Coverage.RuleHits("Offline sessions are noticed", List.of()));
    }

    @Test
    void theSuiteCountsPassedAndFailedScenarios() {
        SuiteReport report = RuleTestSuite.run(tiny, Map.of("tiny.yaml", TINY_SCENARIOS));

        assertThat(report.ruleVersion()).isEqualTo("tiny");
        assertThat(report.passed()).isEqualTo(2);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.allPassed()).isFalse();
        assertThat(report.scenarios()).extracting(ScenarioReport::name, ScenarioReport::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a class", true),
                org.assertj.core.groups.Tuple.tuple("another class", true),
                org.assertj.core.groups.Tuple.tuple("a course, expected wrongly", false));
    }

    @Test
    void aFileThatCannotBeLoadedCountsAsAFailedScenarioInItsPlace() {
        SuiteReport report = RuleTestSuite.run(tiny, Map.of(
                "a.yaml", TINY_SCENARIOS.replace("a course, expected wrongly", "a course")
                        .replace("rulesFired: [\"Classes are noticed\"]\n  - name: \"a course\"", "x"),
                "b.yaml", "scenarios:\n  - name: \"bad\"\n    gvien: {}\n"));

        assertThat(report.scenarios()).filteredOn(scenario -> scenario.file().equals("b.yaml")).singleElement()
                .satisfies(scenario -> {
                    assertThat(scenario.passed()).isFalse();
                    assertThat(scenario.name()).isEqualTo("bad");
                    assertThat(scenario.error()).contains("unknown key 'gvien'");
                });
        assertThat(report.allPassed()).isFalse();
    }

    @Test
    void anEmptySuiteDoesNotPass() {
        SuiteReport report = RuleTestSuite.run(tiny, new LoadedScenarios(List.of(), List.of()));

        assertThat(report.allPassed()).isFalse();
        assertThat(report.coverage().rulesFired()).isZero();
        assertThat(report.coverage().unfiredRules()).hasSize(3);
    }

    @Test
    void theSuiteReportIsPlainJsonAndReadsBack() throws Exception {
        SuiteReport report = RuleTestSuite.run(tiny, Map.of("tiny.yaml", TINY_SCENARIOS));
        ObjectMapper json = new ObjectMapper();

        String text = json.writeValueAsString(report);

        assertThat(json.readTree(text).fieldNames()).toIterable()
                .containsExactly("ruleVersion", "passed", "failed", "coverage", "scenarios");
        assertThat(json.readValue(text, SuiteReport.class)).isEqualTo(report);
    }
}
