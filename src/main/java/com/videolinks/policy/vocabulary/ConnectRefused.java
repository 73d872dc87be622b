package com.videolinks.policy.vocabulary;

/** A staff account may not be connected now. */
public record ConnectRefused(RefusalReason code, String reason, String rule) implements Conclusion {
}
