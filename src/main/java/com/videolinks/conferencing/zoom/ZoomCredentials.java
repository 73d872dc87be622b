package com.videolinks.conferencing.zoom;

import java.util.Optional;

/** OAuth tokens of Zoom accounts, encrypted at rest. */
interface ZoomCredentials {

    void store(long accountId, TokenGrant grant);

    Optional<ZoomCredential> find(long accountId);

    /**
     * Stores a rotated grant only if the stored one is still at {@code expectedVersion}; false when someone else
     * rotated first (their tokens stay, ours are dropped).
     */
    boolean rotate(long accountId, long expectedVersion, TokenGrant grant);
}
