package com.videolinks.policy.vocabulary;

/** Session {@code sessionId} shows no link on any channel. Outranks every selection. */
public record LinkWithheld(@Opaque long sessionId, WithholdReason code, String reason, String rule) implements Conclusion {
}
