package com.videolinks.host;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Every accepted host event, with what became of it. */
interface HostEventLog {

    Optional<HostEventRecord> find(String keyId, String eventId);

    Optional<HostEventRecord> find(long id);

    /** Claims the delivery (key, event id): a concurrent second delivery waits for this transaction, then fails. */
    long insert(String keyId, HostEvent event, String bodySha256, String payload, Instant now);

    /**
     * Locks a PENDING or FAILED event for this transaction (a retry on another thread or node waits, then finds it
     * applied); false when it is neither any more.
     */
    boolean lockUnapplied(long id);

    void applied(long id, HostEventStatus status, String reason, Instant now);

    void pending(long id, String waitsFor, String reason, Instant since);

    void failed(long id, String reason);

    /** PENDING events waiting for this parent key, oldest version first. */
    List<Long> waitingFor(String parentKey);

    /** Every PENDING event, oldest first. */
    List<Long> pendingIds(int limit);

    /** PENDING events waiting since before {@code before}. */
    List<Long> pendingSince(Instant before);

    List<HostEventRecord> list(HostEventStatus status, int limit);

    long count(HostEventStatus status);
}
