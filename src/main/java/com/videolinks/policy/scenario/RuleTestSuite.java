package com.videolinks.policy.scenario;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.videolinks.policy.CompiledRules;

/**
 * The operators' rule-test suites: runs scenarios against one compiled rules version and reports each scenario and
 * the rule coverage. Scenarios that cannot be loaded count as failed, so a broken file never passes unnoticed.
 */
public final class RuleTestSuite {

    private RuleTestSuite() {
    }

    /** Runs every scenario file under {@code testsFolder}. */
    public static SuiteReport run(CompiledRules rules, Path testsFolder) {
        return run(rules, ScenarioLoader.load(testsFolder));
    }

    /** Runs scenario files given as YAML text by file name (rule sets and scenarios received over HTTP or stored). */
    public static SuiteReport run(CompiledRules rules, Map<String, String> yamlByFileName) {
        return run(rules, ScenarioLoader.load(yamlByFileName));
    }

    /** Runs loaded scenarios; each load error becomes a failed scenario report. */
    public static SuiteReport run(CompiledRules rules, LoadedScenarios loaded) {
        List<ScenarioReport> reports = new ArrayList<>();
        loaded.errors().forEach(error -> reports.add(ScenarioReport.of(error)));
        // scenarios are independent questions to a thread-safe compiled version (each borrows its own pooled session
        // and records its own fired rules), so they run on every core: the gate is most of a rule change's latency
        reports.addAll(loaded.scenarios().parallelStream().map(scenario -> run(rules, scenario)).toList());
        // in the order they are written, load errors among the scenarios
        reports.sort(Comparator.comparing(ScenarioReport::file).thenComparingInt(ScenarioReport::line));
        int passed = (int) reports.stream().filter(ScenarioReport::passed).count();
        return new SuiteReport(rules.version(), passed, reports.size() - passed, coverage(rules, reports), reports);
    }

    /** Runs one scenario. */
    public static ScenarioReport run(CompiledRules rules, Scenario scenario) {
        return ScenarioRunner.run(rules, scenario);
    }

    /** Coverage counts every scenario that ran, passed or not: it measures which rules the suite exercises. */
    static Coverage coverage(CompiledRules rules, List<ScenarioReport> reports) {
        Map<String, Set<String>> firedBy = new TreeMap<>();
        rules.ruleNames().forEach(rule -> firedBy.put(rule, new LinkedHashSet<>()));
        for (ScenarioReport report : reports) {
            for (String rule : report.firedRules()) {
                Set<String> scenarios = firedBy.get(rule);
                if (scenarios != null) {
                    scenarios.add(report.name());
                }
            }
        }
        List<Coverage.RuleHits> hits = new ArrayList<>();
        List<String> unfired = new ArrayList<>();
        firedBy.forEach((rule, scenarios) -> {
            hits.add(new Coverage.RuleHits(rule, List.copyOf(scenarios)));
            if (scenarios.isEmpty()) {
                unfired.add(rule);
            }
        });
        int total = firedBy.size();
        int fired = total - unfired.size();
        double percent = total == 0 ? 0 : Math.floor(fired * 1000.0 / total) / 10.0; // floor: 100% only when every rule fired
        return new Coverage(fired, total, percent, unfired, hits);
    }
}
