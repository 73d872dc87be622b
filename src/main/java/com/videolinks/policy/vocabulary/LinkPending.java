package com.videolinks.policy.vocabulary;

/** The session will have a link, but it does not exist yet (a Zoom meeting still to be created). */
public record LinkPending(@Opaque long sessionId, String reason, String rule) implements Conclusion {
}
