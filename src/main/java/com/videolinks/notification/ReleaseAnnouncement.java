package com.videolinks.notification;

import java.time.Instant;

/**
 * How far the customers of a rule release have been told (#13, ADR 014): the run that compares every booked session
 * still to come under the version that went live with what customers were last told. What the rules console and
 * {@code GET /api/rules/versions/{id}/announcement} show operators.
 */
public record ReleaseAnnouncement(long ruleVersionId, State state, int sessionsChecked, int emailsWritten,
                                  Instant wentLiveAt, Instant finishedAt) {

    public enum State {
        /** Still paging through the booked sessions (on whichever node holds the run). */
        COMPARING,
        /** Every booked session compared; {@code emailsWritten} link-change emails were written. */
        ANNOUNCED,
        /** The first version this database ran: nothing to compare it with, nobody told. */
        BASELINE,
        /** A newer version went live before it finished; that one's run compares every session. */
        SUPERSEDED
    }
}
