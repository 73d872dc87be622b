package com.videolinks.policy.content;

import java.util.ArrayList;
import java.util.List;

import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleProblem;
import com.videolinks.policy.RuleSet;

/**
 * What a rule may say, checked on the DRL text before anything compiles or runs (#11). The executable model
 * compiles constraints and consequences as Java and there is no rule sandbox, so an allowlist is the defence:
 * patterns over the vocabulary with field constraints, and consequences that only insert conclusions. Every
 * refusal names file, line, column, the rule and what is not allowed (the subset is in {@code rules/README.md}).
 */
public final class RuleContentPolicy {

    private RuleContentPolicy() {
    }

    /** Every construct outside the allowed subset, in file order; empty when the rule set may be compiled. */
    public static List<RuleProblem> check(RuleSet ruleSet) {
        List<RuleProblem> problems = new ArrayList<>();
        for (RuleFile file : ruleSet.files()) {
            problems.addAll(new DrlFileCheck(file).run());
        }
        return problems;
    }
}
