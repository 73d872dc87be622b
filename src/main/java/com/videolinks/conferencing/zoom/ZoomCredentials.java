package com.videolinks.conferencing.zoom;

import java.time.Instant;
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

    /**
     * Claims the right to refresh the tokens read at {@code version} until {@code until}: false while another node
     * holds an unexpired claim, or when the tokens were rotated since.
     */
    boolean claimRefresh(long accountId, long version, Instant until);

    /** Gives a claim back after a refresh that failed without an answer from Zoom. */
    void releaseClaim(long accountId, long version);

    /**
     * A refresh with the token of {@code version} got no answer: Zoom may have rotated it. Remembered (and the claim
     * released) so that token is never sent again; true the first time.
     */
    boolean markRefreshUncertain(long accountId, long version, Instant since);

    /** Forgets the account's tokens. */
    void delete(long accountId);
}
