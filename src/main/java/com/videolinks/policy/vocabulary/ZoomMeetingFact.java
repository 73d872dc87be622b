package com.videolinks.policy.vocabulary;

/** A Zoom meeting already created for a session under one account (S5). */
public record ZoomMeetingFact(@Opaque long sessionId, @Opaque long accountId, @Opaque Link link) {
}
