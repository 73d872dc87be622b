package com.videolinks.session;

/**
 * Published inside the transaction that changed a session, so whoever keeps something in step with sessions
 * (Zoom meetings) commits or rolls back with the change.
 */
public record SessionChanged(long sessionId, Change change) {

    /** What happened to the session. */
    public enum Change { SCHEDULED, MOVED, CANCELLED, WENT_ONLINE, WENT_OFFLINE, LINK_ADDED, LINK_REMOVED, LINK_RESTORED,
        ZOOM_MEETING_ADDED }
}
