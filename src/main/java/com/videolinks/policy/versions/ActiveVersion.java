package com.videolinks.policy.versions;

import java.time.Instant;

/** The version every node must serve. */
public record ActiveVersion(long versionId, Instant changedAt, String changedBy) {
}
