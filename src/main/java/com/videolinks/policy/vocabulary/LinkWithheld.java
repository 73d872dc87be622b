package com.videolinks.policy.vocabulary;

/** The session shows no link on any channel. Outranks every selection. */
public record LinkWithheld(WithholdReason code, String reason, String rule) implements Conclusion {
}
