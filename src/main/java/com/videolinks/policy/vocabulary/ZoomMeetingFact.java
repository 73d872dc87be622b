package com.videolinks.policy.vocabulary;

/** A Zoom meeting already created for a session under one account (S5). */
public record ZoomMeetingFact(long sessionId, long accountId, Link link) {
}
