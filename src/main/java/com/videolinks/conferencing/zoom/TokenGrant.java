package com.videolinks.conferencing.zoom;

import java.time.Instant;

/** What Zoom's token endpoint granted: an access token until {@code expiresAt} and the next refresh token. Never prints either. */
public record TokenGrant(String accessToken, String refreshToken, Instant expiresAt) {

    @Override
    public String toString() {
        return "TokenGrant[accessToken=****, refreshToken=****, expiresAt=" + expiresAt + "]";
    }
}
