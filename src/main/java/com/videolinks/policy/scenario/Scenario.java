package com.videolinks.policy.scenario;

import java.util.List;

/**
 * One rule-test scenario: the facts and the question, what the decision must be, and which rules must or must not
 * fire. {@code file} and {@code line} say where it was written, for error messages.
 */
public record Scenario(String file, int line, String name, Question question, Expectation expectation,
                       List<String> rulesFired, List<String> rulesNotFired) {

    public Scenario {
        rulesFired = List.copyOf(rulesFired);
        rulesNotFired = List.copyOf(rulesNotFired);
    }
}
