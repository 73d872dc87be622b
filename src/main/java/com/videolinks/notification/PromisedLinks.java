package com.videolinks.notification;

import java.time.Instant;
import java.util.List;

/** The links promised to customers and not yet delivered, at most one per booking. */
interface PromisedLinks {

    /** Records the promise unless the booking already has one. */
    void promise(long bookingId, long sessionId, Instant at);

    /** The customer got the link (or can no longer get it by email): nothing is owed any more. */
    void settle(long bookingId);

    /** Deletes the promise; true only for the one caller that deleted it, so two nodes never both follow up. */
    boolean take(long promiseId);

    /** Oldest first. */
    List<PromisedLink> oldest(int limit);

    List<PromisedLink> ofSession(long sessionId);
}
