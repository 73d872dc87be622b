package com.videolinks.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;

/** The runner against the shipped rules: scenarios must be able to fail, and say why. */
class ScenarioRunnerTest {

    private static final String DEFAULT_RULE =
            "A session whose staff member has no connected account of their own uses the site's default account";
    private static final String STAFF_RULE =
            "A staff member's own account replaces the site default for the services they are assigned to";

    /** A class whose staff member has no account of their own, on a site with a default custom link. */
    private static final String PROBE = """
            scenarios:
              - name: "probe"
                given:
                  defaultAccount: { provider: CUSTOM_LINK, link: { url: "https://meet.example.com/site", password: "pw" } }
                  session: { kind: CLASS, staffId: 3 }
                ask: { channel: MY_BOOKINGS }
            """;

    private static CompiledRules rules;

    @BeforeAll
    static void compileShippedRules() {
        rules = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "shipped");
    }

    @Test
    void aScenarioWhoseExpectationsHoldPasses() {
        ScenarioReport report = run("""
                expect:
                  status: SHOWN
                  source: SITE_DEFAULT
                  mode: SHARED
                  link: { url: "https://meet.example.com/site", password: "pw" }
                  reasonsContain: ["site's default account serves the session"]
                rulesFired: ["%s"]
                rulesNotFired: ["%s"]
                """.formatted(DEFAULT_RULE, STAFF_RULE));

        assertThat(report.passed()).isTrue();
        assertThat(report.error()).isNull();
        assertThat(report.checks()).hasSize(8).allMatch(Check::passed);
        assertThat(report.firedRules()).containsExactly(DEFAULT_RULE);
    }

    @Test
    void aScenarioWithAWrongExpectationFailsAndShowsExpectedAndActual() {
        ScenarioReport report = run("""
                expect: { status: HIDDEN, source: SITE_DEFAULT, link: "https://meet.example.com/old" }
                """);

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).containsExactly(
                new Check("status", "HIDDEN", "SHOWN", false),
                new Check("link.url", "https://meet.example.com/old", "https://meet.example.com/site", false));
    }

    @Test
    void aRuleThatShouldFireButDoesNotFailsTheScenario() {
        ScenarioReport report = run("rulesFired: [\"%s\"]\n".formatted(STAFF_RULE));

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).containsExactly(
                new Check("rule \"" + STAFF_RULE + "\"", "fired", "not fired", false));
    }

    @Test
    void aRuleThatShouldNotFireButDoesFailsTheScenario() {
        ScenarioReport report = run("rulesNotFired: [\"%s\"]\n".formatted(DEFAULT_RULE));

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).containsExactly(
                new Check("rule \"" + DEFAULT_RULE + "\"", "not fired", "fired", false));
    }

    @Test
    void aMisspeltRuleNameFailsInsteadOfPassingForEver() {
        ScenarioReport report = run("rulesNotFired: [\"A session whose staff member has no acount\"]\n");

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).singleElement()
                .satisfies(check -> assertThat(check.actual()).isEqualTo("no rule of this name in the rule set"));
    }

    @Test
    void withheldCodesMustMatchExactly() {
        ScenarioReport report = RuleTestSuite.run(rules, only("""
                scenarios:
                  - name: "two reasons, one expected"
                    given:
                      site: { plan: FREE }
                      defaultAccount: { provider: ZOOM, connected: false }
                      session: { kind: CLASS }
                    ask: { channel: MY_BOOKINGS }
                    expect: { status: NONE, withheld: [PLAN_NOT_PREMIUM] }
                """));

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).containsExactly(new Check("withheld", "[PLAN_NOT_PREMIUM]",
                "[DEFAULT_ACCOUNT_DISCONNECTED, PLAN_NOT_PREMIUM]", false));
    }

    @Test
    void aWrongStaffConnectExpectationFails() {
        ScenarioReport report = RuleTestSuite.run(rules, only("""
                scenarios:
                  - name: "connect without a default account"
                    ask: { staffConnect: { bySelf: true } }
                    expect: { allowed: true, reasonsContain: ["anything"] }
                """));

        assertThat(report.passed()).isFalse();
        assertThat(report.failedChecks()).extracting(Check::what).containsExactly("allowed", "reasons");
        assertThat(report.firedRules())
                .containsExactly("Staff can connect their own account only after the site's default account is connected");
    }

    private static ScenarioReport run(String checks) {
        return RuleTestSuite.run(rules, only(PROBE + checks.indent(4)));
    }

    private static Scenario only(String yaml) {
        LoadedScenarios loaded = ScenarioLoader.load("probe.yaml", yaml);
        assertThat(loaded.errors()).isEmpty();
        List<Scenario> scenarios = loaded.scenarios();
        assertThat(scenarios).hasSize(1);
        return scenarios.get(0);
    }
}
