package com.videolinks.host;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One stored host event: what it was, what became of it and why. The payload is kept for replays, not shown. */
record HostEventRecord(long id, String keyId, String eventId, String type, String siteId, EntityKind entityKind,
                       String entityId, long version, HostEventStatus status, String reason, String waitsFor,
                       int attempts, Instant receivedAt, Instant pendingSince, Instant appliedAt,
                       @JsonIgnore String bodySha256, @JsonIgnore String payload) {
}
