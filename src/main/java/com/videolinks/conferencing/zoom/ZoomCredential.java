package com.videolinks.conferencing.zoom;

import java.time.Instant;

/**
 * The decrypted tokens of one Zoom account and the version they were read at (for the optimistic rotation);
 * {@code refreshUncertainSince} is set when a refresh of this refresh token got no answer (it is never sent again).
 */
record ZoomCredential(long accountId, String accessToken, String refreshToken, Instant expiresAt, long version,
                      Instant refreshUncertainSince) {

    ZoomCredential(long accountId, String accessToken, String refreshToken, Instant expiresAt, long version) {
        this(accountId, accessToken, refreshToken, expiresAt, version, null);
    }

    boolean validAt(Instant instant) {
        return expiresAt.isAfter(instant);
    }

    @Override
    public String toString() {
        return "ZoomCredential[account=" + accountId + ", expiresAt=" + expiresAt + ", version=" + version + "]";
    }
}
