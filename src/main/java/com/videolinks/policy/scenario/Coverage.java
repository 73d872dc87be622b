package com.videolinks.policy.scenario;

import java.util.List;

/**
 * Rule coverage of a suite, as Drools Test Scenarios report it: the rules fired by at least one scenario out of all
 * rules in the KieBase, the rules no scenario fires, and for each rule the scenarios that fire it.
 */
public record Coverage(int rulesFired, int rulesTotal, double percent, List<String> unfiredRules, List<RuleHits> rules) {

    public Coverage {
        unfiredRules = List.copyOf(unfiredRules);
        rules = List.copyOf(rules);
    }

    /** One rule and the scenarios that fired it (empty when none did). */
    public record RuleHits(String rule, List<String> firedBy) {

        public RuleHits {
            firedBy = List.copyOf(firedBy);
        }
    }
}
