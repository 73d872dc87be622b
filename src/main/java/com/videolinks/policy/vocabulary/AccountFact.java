package com.videolinks.policy.vocabulary;

/**
 * A conferencing account known to the evaluation: the site's default, or the session staff member's own.
 * {@code link} is set for custom-link accounts only; Zoom links come from {@link ZoomMeetingFact}.
 */
public record AccountFact(@Opaque long accountId, AccountRole role, @Opaque Long staffId, Provider provider,
                          boolean connected, @Opaque Link link) {

    public AccountFact {
        if (role == AccountRole.STAFF && staffId == null) {
            throw new IllegalArgumentException("a staff member's account must name the staff member");
        }
    }
}
