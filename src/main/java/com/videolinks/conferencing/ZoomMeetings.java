package com.videolinks.conferencing;

import java.util.Optional;

import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/** Zoom meetings created for sessions (S5). */
public interface ZoomMeetings {

    /** The most recently created meeting of the session, under whichever account hosted it. */
    Optional<ZoomMeetingFact> latestFor(long sessionId);

    void record(long sessionId, long accountId, String meetingId, String joinUrl, String password);
}
