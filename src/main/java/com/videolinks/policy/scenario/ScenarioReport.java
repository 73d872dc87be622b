package com.videolinks.policy.scenario;

import java.util.List;

/**
 * The outcome of one scenario: every check with expected and actual values, and the rules that fired in firing
 * order. {@code error} is set, and {@code passed} false, when the scenario could not be loaded or evaluated; a
 * problem with a whole file is reported under the name {@value #WHOLE_FILE}.
 */
public record ScenarioReport(String file, int line, String name, boolean passed, List<Check> checks,
                             List<String> firedRules, String error) {

    public static final String WHOLE_FILE = "(file)";

    public ScenarioReport {
        checks = List.copyOf(checks);
        firedRules = List.copyOf(firedRules);
    }

    static ScenarioReport of(ScenarioError error) {
        String name = error.scenario() != null ? error.scenario() : WHOLE_FILE;
        return new ScenarioReport(error.file(), error.line(), name, false, List.of(), List.of(), error.message());
    }

    /** {@code s09-disconnect.yaml:12}, where the scenario is written. */
    public String location() {
        return line > 0 ? file + ":" + line : file;
    }

    /** The checks that did not hold. */
    public List<Check> failedChecks() {
        return checks.stream().filter(check -> !check.passed()).toList();
    }
}
