package com.videolinks.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;

/** The operators' scenarios in rules/tests, run against the shipped rules/ on every build. */
class ShippedRuleScenariosTest {

    private static final Path RULES = Path.of("rules");
    private static final Path TESTS = RULES.resolve("tests");

    private static CompiledRules rules;

    @BeforeAll
    static void compileShippedRules() {
        rules = new RuleCompiler().compile(RulesFolder.read(RULES), "shipped");
    }

    @TestFactory
    Stream<DynamicTest> everyShippedScenarioPasses() {
        LoadedScenarios loaded = ScenarioLoader.load(TESTS);
        Stream<DynamicTest> loadErrors = loaded.errors().stream()
                .map(error -> dynamicTest(error.describe(), () -> fail(error.describe())));
        Stream<DynamicTest> scenarios = loaded.scenarios().stream()
                .map(scenario -> dynamicTest(scenario.name(), sourceOf(scenario), () -> {
                    ScenarioReport report = RuleTestSuite.run(rules, scenario);
                    if (!report.passed()) {
                        fail(explain(report));
                    }
                }));
        return Stream.concat(loadErrors, scenarios);
    }

    @Test
    void shippedScenariosFireEveryShippedRule() {
        SuiteReport report = RuleTestSuite.run(rules, TESTS);

        assertThat(report.coverage().unfiredRules()).as("rules no scenario fires").isEmpty();
        assertThat(report.coverage().rulesFired()).isEqualTo(rules.ruleNames().size());
        assertThat(report.coverage().percent()).isEqualTo(100.0);
    }

    @Test
    void everyRuleRelatedSeedStatementHasScenariosThatFireAndScenariosThatDoNot() {
        List<Scenario> scenarios = ScenarioLoader.load(TESTS).scenarios();

        for (String statement : List.of("S2", "S4", "S5", "S9", "S10", "S11", "S13", "S14", "S15", "S17", "S18",
                "S19", "S20", "S21", "S22")) {
            List<Scenario> about = scenarios.stream().filter(s -> s.name().startsWith(statement + " ")).toList();
            assertThat(about).as("scenarios named for %s", statement).isNotEmpty();
        }
        assertThat(scenarios).as("negative cases").filteredOn(s -> !s.rulesNotFired().isEmpty()).hasSizeGreaterThan(20);
    }

    private static URI sourceOf(Scenario scenario) {
        return URI.create(TESTS.resolve(scenario.file()).toAbsolutePath().toUri() + "?line=" + scenario.line());
    }

    private static String explain(ScenarioReport report) {
        if (report.error() != null) {
            return report.location() + ": " + report.error();
        }
        return report.location() + ":\n  " + report.failedChecks().stream().map(Check::describe)
                .collect(Collectors.joining("\n  ")) + "\n  rules fired: " + report.firedRules();
    }
}
