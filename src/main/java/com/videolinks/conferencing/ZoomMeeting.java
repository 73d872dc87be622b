package com.videolinks.conferencing;

import java.time.Instant;

/**
 * A Zoom meeting created for one session under one account, as videolinks last left it in Zoom (start, duration,
 * topic; null for meetings recorded before those were kept). {@code needsRefresh}: changed in Zoom since, so its
 * link is not shown until a job has read it back.
 */
public record ZoomMeeting(long sessionId, long accountId, String meetingId, String joinUrl, String password,
                          Instant startsAt, Integer durationMinutes, String topic, boolean needsRefresh) {

    @Override
    public String toString() {
        return "ZoomMeeting[session=" + sessionId + ", account=" + accountId + ", meeting=" + meetingId
                + ", startsAt=" + startsAt + ", duration=" + durationMinutes + ", needsRefresh=" + needsRefresh + "]";
    }
}
