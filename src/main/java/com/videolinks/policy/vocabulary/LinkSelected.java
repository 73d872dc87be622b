package com.videolinks.policy.vocabulary;

/**
 * A selection rule chose where session {@code sessionId}'s link comes from. {@code link} is set when the source is a
 * shared link; for Zoom it is null and a {@link MeetingLink} or {@link LinkPending} follows.
 */
public record LinkSelected(@Opaque long sessionId, LinkSource source, @Opaque Long accountId, Provider provider, @Opaque Link link,
                           String reason, String rule) implements Conclusion {
}
