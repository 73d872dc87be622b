package com.videolinks.notification;

import java.time.Instant;

/** One email in the outbox: what it is about (ids, not content: it is rendered when sent) and how sending went. */
record OutboxMessage(long id, String idempotencyKey, NotificationKind kind, long siteId, Long customerId,
                     Long bookingId, Long sessionId, Long serviceId, Integer linkVersion, String oldLinkUrl,
                     OutboxStatus status, int attempts, Instant nextAttemptAt, String claimedBy, String lastError,
                     Instant createdAt, Instant sentAt, String recipient, String linkStatus, Long staffId,
                     String beforeState) {

    @Override
    public String toString() {
        return "OutboxMessage[" + id + ", " + kind + ", " + idempotencyKey + ", " + status + "]";
    }
}
