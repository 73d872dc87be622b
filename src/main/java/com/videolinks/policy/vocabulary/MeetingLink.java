package com.videolinks.policy.vocabulary;

/** Session {@code sessionId}'s own Zoom meeting link (S5). */
public record MeetingLink(@Opaque long sessionId, @Opaque Link link, String reason, String rule) implements Conclusion {
}
