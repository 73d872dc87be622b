package com.videolinks.policy.vocabulary;

/**
 * Session {@code sessionId} needs its own Zoom meeting hosted by account {@code accountId} (S5, S10, S17); a meeting
 * it has under any other account goes.
 */
public record MeetingNeeded(@Opaque long sessionId, @Opaque long accountId, String reason, String rule) implements Conclusion {
}
