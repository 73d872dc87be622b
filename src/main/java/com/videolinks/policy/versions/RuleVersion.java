package com.videolinks.policy.versions;

import java.time.Instant;
import java.util.List;

import org.springframework.modulith.NamedInterface;

/** One attempted rule bundle: who or what brought it, when, what the gate said. Files are fetched separately. */
@NamedInterface("versions")
public record RuleVersion(long id, String hash, String triggeredBy, Instant createdAt, Outcome outcome,
                          List<String> problems, long gateMillis, String coverage) {

    public RuleVersion {
        problems = List.copyOf(problems);
    }

    /** PUBLISHED went live; VALIDATED passed a dry run; REJECTED failed the gate; CHECKING is still in the gate. */
    public enum Outcome { CHECKING, PUBLISHED, VALIDATED, REJECTED }

    public boolean passedGate() {
        return outcome == Outcome.PUBLISHED || outcome == Outcome.VALIDATED;
    }
}
