package com.videolinks.conferencing.zoom;

import java.time.Instant;

/** The decrypted tokens of one Zoom account and the version they were read at (for the optimistic rotation). */
record ZoomCredential(long accountId, String accessToken, String refreshToken, Instant expiresAt, long version) {

    boolean validAt(Instant instant) {
        return expiresAt.isAfter(instant);
    }

    @Override
    public String toString() {
        return "ZoomCredential[account=" + accountId + ", expiresAt=" + expiresAt + ", version=" + version + "]";
    }
}
