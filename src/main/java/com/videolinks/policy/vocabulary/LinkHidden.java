package com.videolinks.policy.vocabulary;

/** The business hides links on this channel (S21, S22). */
public record LinkHidden(Channel channel, String reason, String rule) implements Conclusion {
}
