package com.videolinks.policy.scenario;

import java.util.List;

/** The outcome of a rule-test suite against one rules version: every scenario's report and the rule coverage. */
public record SuiteReport(String ruleVersion, int passed, int failed, Coverage coverage, List<ScenarioReport> scenarios) {

    public SuiteReport {
        scenarios = List.copyOf(scenarios);
    }

    /** True when every scenario passed and there was at least one: an empty suite proves nothing. */
    public boolean allPassed() {
        return failed == 0 && passed > 0;
    }
}
