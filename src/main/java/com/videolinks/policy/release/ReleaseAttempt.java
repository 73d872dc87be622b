package com.videolinks.policy.release;

import java.util.List;

import org.springframework.modulith.NamedInterface;

import com.videolinks.policy.scenario.Coverage;
import com.videolinks.policy.versions.RuleVersion;

/**
 * What happened to one rule bundle: the version id it was stored under (null when it was identical to the live
 * one), the outcome, every problem, and the suite's pass/fail counts and coverage.
 */
@NamedInterface("releases")
public record ReleaseAttempt(Long versionId, RuleVersion.Outcome outcome, boolean unchanged, List<String> problems,
                             int scenariosPassed, int scenariosFailed, Coverage coverage, long gateMillis) {

    public ReleaseAttempt {
        problems = List.copyOf(problems);
    }

    public boolean accepted() {
        return outcome == RuleVersion.Outcome.PUBLISHED || outcome == RuleVersion.Outcome.VALIDATED || unchanged;
    }
}
