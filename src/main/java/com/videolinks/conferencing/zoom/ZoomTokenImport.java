package com.videolinks.conferencing.zoom;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * Stores tokens for a Zoom account that did not connect through the sign-in here: demo data (a fake token) and
 * migrations from another system. Tokens are encrypted like any other.
 */
@Component
@NamedInterface("zoom")
public class ZoomTokenImport {

    private final ZoomCredentials credentials;

    ZoomTokenImport(ZoomCredentials credentials) {
        this.credentials = credentials;
    }

    public void store(long accountId, String accessToken, String refreshToken, Instant expiresAt) {
        credentials.store(accountId, new TokenGrant(accessToken, refreshToken, expiresAt));
    }
}
