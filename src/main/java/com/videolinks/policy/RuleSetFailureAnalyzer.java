package com.videolinks.policy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a rejected rule set at start-up into a short report naming file and line instead of a stack trace. */
class RuleSetFailureAnalyzer extends AbstractFailureAnalyzer<RuleSetRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RuleSetRejectedException cause) {
        StringBuilder description = new StringBuilder("The link policy in the rules folder cannot be used:\n");
        cause.problems().forEach(problem -> description.append("    ").append(problem.describe()).append('\n'));
        return new FailureAnalysis(description.toString(),
                "Fix the rule files listed above (or restore them from git) and start again. "
                        + "Run bin/rules-test to check a rules folder without starting the service.",
                cause);
    }
}
