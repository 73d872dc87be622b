package com.videolinks.conferencing;

import java.time.Instant;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Provider;

/**
 * A conferencing account: the site's default (no staff id, S2) or a staff member's own (S10).
 * Zoom accounts name the Zoom user that hosts meetings; custom-link accounts carry the shared link (S3, S5).
 * {@code disconnectReason} says why videolinks disconnected it (e.g. the Zoom grant was revoked).
 * OAuth tokens are never part of it: they stay in the Zoom credential store.
 */
public record ConferencingAccount(long id, long siteId, Long staffId, Provider provider, boolean connected,
                                  String zoomUser, Link link, Instant changedAt, String disconnectReason) {

    public AccountRole role() {
        return staffId == null ? AccountRole.SITE_DEFAULT : AccountRole.STAFF;
    }

    public AccountFact toFact() {
        return new AccountFact(id, role(), staffId, provider, connected, link);
    }

    /** How operators and businesses recognise the account in logs, alerts and incidents (no secrets). */
    public String label() {
        return provider + " account " + id + (zoomUser == null ? "" : " (" + zoomUser + ")");
    }
}
