package com.videolinks.notification;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;

/** The last known customer-facing link state of each booked session (see {@link LinkState}). */
interface LinkStates {

    /** A stored state and its version. */
    record Stored(LinkState state, int version) {
    }

    Map<Long, Stored> find(Collection<Long> sessionIds);

    /** Records the first known state of a session; false if one exists already (someone else recorded it). */
    boolean baseline(long sessionId, LinkState state, Instant now);

    /** Replaces the state if it is still at {@code version}; false if another change got there first. */
    boolean replace(long sessionId, int version, LinkState state, Instant now);
}
