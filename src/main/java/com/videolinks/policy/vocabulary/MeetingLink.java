package com.videolinks.policy.vocabulary;

/** The session's own Zoom meeting link (S5). */
public record MeetingLink(Link link, String reason, String rule) implements Conclusion {
}
