package com.videolinks.policy;

import java.util.List;
import java.util.stream.Collectors;

/** A rule set that cannot go live, with every problem found. The running rules are never touched. */
public class RuleSetRejectedException extends RuntimeException {

    private final transient List<RuleProblem> problems;

    public RuleSetRejectedException(List<RuleProblem> problems) {
        super("Rule set rejected:\n  " + problems.stream().map(RuleProblem::describe).collect(Collectors.joining("\n  ")));
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
