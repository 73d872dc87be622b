package com.videolinks.policy.vocabulary;

import java.util.List;

/** Whether a staff member's own account may be connected now (S4, S14, S15), and the refusals if not. */
public record ConnectDecision(boolean allowed, List<ConnectRefused> refusals, String ruleVersion) {

    public ConnectDecision {
        refusals = List.copyOf(refusals);
    }
}
