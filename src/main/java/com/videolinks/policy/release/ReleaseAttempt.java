package com.videolinks.policy.release;

import java.util.List;

import org.springframework.modulith.NamedInterface;

import com.videolinks.policy.scenario.Coverage;
import com.videolinks.policy.versions.RuleVersion;

/**
 * What happened to one rule bundle: the version id it was stored under (null when it was identical to the live
 * one), the outcome, every problem, the suite's pass/fail counts and coverage, and {@code nameReads}: where its rules
 * read an id or a link other than by equality, which is allowed but makes that version ask the engine every link
 * question instead of answering it by its shape (docs/adr-017-decisions-by-shape.md).
 */
@NamedInterface("releases")
public record ReleaseAttempt(Long versionId, RuleVersion.Outcome outcome, boolean unchanged, List<String> problems,
                             int scenariosPassed, int scenariosFailed, Coverage coverage, long gateMillis,
                             List<String> nameReads) {

    public ReleaseAttempt {
        problems = List.copyOf(problems);
        nameReads = List.copyOf(nameReads);
    }

    public boolean accepted() {
        return outcome == RuleVersion.Outcome.PUBLISHED || outcome == RuleVersion.Outcome.VALIDATED || unchanged;
    }
}
