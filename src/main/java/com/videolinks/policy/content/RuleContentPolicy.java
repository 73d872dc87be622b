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

    /**
     * What the content policy found: {@code refusals}, every construct outside the allowed subset in file order (empty
     * when the rule set may be compiled), and {@code nameReads}, where a rule reads an id or a link other than by
     * comparing it for equality ({@link com.videolinks.policy.vocabulary.Opaque}): allowed, but then the rules may
     * answer alike questions differently, so their version decides every question in the engine.
     */
    public record Review(List<RuleProblem> refusals, List<RuleProblem> nameReads) {

        public Review {
            refusals = List.copyOf(refusals);
            nameReads = List.copyOf(nameReads);
        }
    }

    /** Every construct outside the allowed subset, in file order; empty when the rule set may be compiled. */
    public static List<RuleProblem> check(RuleSet ruleSet) {
        return review(ruleSet).refusals();
    }

    public static Review review(RuleSet ruleSet) {
        List<RuleProblem> problems = new ArrayList<>();
        List<RuleProblem> nameReads = new ArrayList<>();
        for (RuleFile file : ruleSet.files()) {
            DrlFileCheck check = new DrlFileCheck(file);
            problems.addAll(check.run());
            nameReads.addAll(check.nameReads());
        }
        return new Review(problems, nameReads);
    }
}
