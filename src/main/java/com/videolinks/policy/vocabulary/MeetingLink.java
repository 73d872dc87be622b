package com.videolinks.policy.vocabulary;

/** Session {@code sessionId}'s own Zoom meeting link (S5). */
public record MeetingLink(long sessionId, Link link, String reason, String rule) implements Conclusion {
}
