package com.videolinks.policy.vocabulary;

/**
 * Session {@code sessionId}'s Zoom meetings stay as they are and none is created: its links are switched off for now
 * (plan, default account: S4, S9) and come back with the same meeting when the switch does.
 */
public record MeetingsKept(@Opaque long sessionId, String reason, String rule) implements Conclusion {
}
