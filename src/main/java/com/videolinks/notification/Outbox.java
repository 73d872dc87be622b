package com.videolinks.notification;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The emails to send, one row each. Claiming is safe across nodes sharing one database: a row is held by one
 * claimer until its claim expires, and every state change names the claimer, so a node that lost its claim
 * changes nothing.
 */
interface Outbox {

    /** Writes the message unless one with its idempotency key exists; true if it was new. */
    default boolean add(NewOutboxMessage message, Instant now) {
        return add(message, now, now);
    }

    /** As {@link #add(NewOutboxMessage, Instant)}, not sent before {@code dueAt} (changes coalesce until then). */
    boolean add(NewOutboxMessage message, Instant now, Instant dueAt);

    /** Takes up to {@code limit} due PENDING rows nobody holds (or whose claim expired) for {@code claimer}. */
    List<OutboxMessage> claimDue(String claimer, Instant now, Instant claimedUntil, int limit);

    /**
     * Frees the rows still claimed by an earlier run of this node (claimers {@code <node>/<run>/...} of another run
     * than {@code currentRun}): after a crash and restart they go out now instead of when their claims expire.
     * Returns how many.
     */
    int releaseClaimsOf(String node, String currentRun);

    boolean markSent(long id, String claimer, Instant at, String recipient, String linkStatus);

    boolean retryLater(long id, String claimer, int attempts, Instant nextAttemptAt, String error);

    boolean park(long id, String claimer, int attempts, String error);

    boolean skip(long id, String claimer, String reason);

    /** Every email to the customer not sent yet (PENDING or PARKED) is SKIPPED with the reason; how many. */
    int skipUnsentOfCustomer(long customerId, String reason);

    /** Every email about the booking not sent yet is SKIPPED with the reason; how many. */
    int skipUnsentOfBooking(long bookingId, String reason);

    /** A PARKED message goes back to PENDING with its attempts reset, due now; false if it was not parked. */
    boolean requeue(long id, Instant now);

    Optional<OutboxMessage> find(long id);

    /** Newest first; {@code siteId} and {@code status} filter when not null. */
    List<OutboxMessage> list(Long siteId, OutboxStatus status, int limit);

    /** Whether an email about this booking still waits to be sent (it will say what is true when it goes). */
    boolean hasUnsent(long bookingId);

    long count(OutboxStatus status);

    /** Forgets SENT and SKIPPED emails written before {@code before}; returns how many. */
    int deleteFinishedBefore(Instant before);

    /**
     * The oldest link-changed email for this customer and session (or course) not sent yet: a further change
     * replaces the link that email would have replaced, since the customer never saw the one in between.
     */
    Optional<OutboxMessage> oldestUnsentChange(long customerId, Long sessionId, Long serviceId);

    /** Whether a later change of the same link was written for the same customer (it will say what is current). */
    boolean hasNewerChange(OutboxMessage linkChanged);

    /** Rows per status of one course link change (course id + link version), for the course workflow's progress. */
    java.util.Map<OutboxStatus, Long> countCourseChange(long serviceId, int linkVersion);

    /** The emails of one course link change in one status, oldest first (the dashboard lists the parked ones, S19). */
    List<OutboxMessage> ofCourseChange(long serviceId, int linkVersion, OutboxStatus status, int limit);
}
