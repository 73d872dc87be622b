package com.videolinks.conferencing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/** Zoom meetings created for sessions (S5). Passcodes are encrypted at rest. */
public interface ZoomMeetings {

    /**
     * The most recently created usable meeting of the session, under whichever account hosted it. A meeting
     * waiting to be read back from Zoom is left out, so the policy answers PENDING for it.
     */
    Optional<ZoomMeetingFact> latestFor(long sessionId);

    /** {@link #latestFor(long)} of many sessions in one query, keyed by session id (sessions without one left out). */
    java.util.Map<Long, ZoomMeetingFact> latestFor(java.util.Collection<Long> sessionIds);

    /** Records a meeting whose schedule is not known (demo data, tests). */
    void record(long sessionId, long accountId, String meetingId, String joinUrl, String password);

    void recordCreated(ZoomMeeting meeting);

    List<ZoomMeeting> ofSession(long sessionId);

    Optional<ZoomMeeting> findByMeetingId(String meetingId);

    void updateSchedule(long sessionId, long accountId, Instant startsAt, int durationMinutes, String topic);

    /** Stores the join details read back from Zoom and shows the link again. */
    void refreshed(long sessionId, long accountId, String joinUrl, String password);

    void markNeedsRefresh(long sessionId, long accountId);

    void remove(long sessionId, long accountId);
}
