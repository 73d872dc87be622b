package com.videolinks.conferencing.zoom;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;

/**
 * Hands out a valid access token per Zoom account, refreshing it before it expires. Zoom rotates refresh tokens
 * (each refresh invalidates the previous one), so:
 * <ul>
 * <li>one refresh per account at a time: a lock in this JVM, and across nodes a short claim in the database (a
 * node that finds the claim taken waits for the rotation and uses the token it stored);</li>
 * <li>the new pair is stored in a transaction of its own, compare-and-set on a version column, so neither a job
 * that rolls back nor another node can lose it;</li>
 * <li>{@code invalid_grant} after someone else rotated (the version moved) is not a revocation: their token is used.
 * Only {@code invalid_grant} on the current token disconnects the account (and alerts the business).</li>
 * </ul>
 */
@Component
class ZoomTokens {

    private static final Logger log = LoggerFactory.getLogger(ZoomTokens.class);
    private static final Duration CLAIM_POLL = Duration.ofMillis(100);

    private final ZoomCredentials credentials;
    private final ConferencingAccounts accounts;
    private final ZoomOAuthClient oauth;
    private final ZoomRevocations revocations;
    private final ZoomProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final ConcurrentMap<Long, ReentrantLock> locks = new ConcurrentHashMap<>();

    ZoomTokens(ZoomCredentials credentials, ConferencingAccounts accounts, ZoomOAuthClient oauth,
               ZoomRevocations revocations, ZoomProperties properties, Clock clock,
               PlatformTransactionManager transactions) {
        this.credentials = credentials;
        this.accounts = accounts;
        this.oauth = oauth;
        this.revocations = revocations;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** A token valid for at least {@code refresh-ahead}; refreshes first when the stored one is about to expire. */
    String accessToken(long accountId) {
        ZoomCredential credential = current(accountId);
        if (credential.validAt(clock.instant().plus(properties.refreshAhead()))) {
            return credential.accessToken();
        }
        return refresh(accountId, credential.accessToken(), false);
    }

    /** Zoom answered 401 to {@code rejected}: refresh, unless someone already replaced that token. */
    String refreshRejected(long accountId, String rejected) {
        return refresh(accountId, rejected, true);
    }

    private String refresh(long accountId, String stale, boolean staleRefused) {
        ReentrantLock lock = locks.computeIfAbsent(accountId, id -> new ReentrantLock());
        lock.lock();
        try {
            ZoomCredential read = current(accountId);
            if (!read.accessToken().equals(stale) && read.validAt(clock.instant().plus(properties.refreshAhead()))) {
                return read.accessToken(); // refreshed by the thread (or node) we waited for
            }
            if (read.refreshUncertainSince() != null) {
                return afterUncertainRefresh(accountId, read, stale, staleRefused);
            }
            Boolean claimed = ownTransaction.execute(status ->
                    credentials.claimRefresh(accountId, read.version(), clock.instant().plus(claimTime())));
            if (!Boolean.TRUE.equals(claimed)) {
                return awaitOtherRefresh(accountId, read.version());
            }
            TokenGrant grant;
            try {
                grant = oauth.refresh(read.refreshToken());
            } catch (ZoomOAuthClient.InvalidGrantException e) {
                ZoomCredential now = current(accountId);
                if (now.version() != read.version()) {
                    log.info("Zoom account {}: the refresh token was rotated by someone else; using the new token", accountId);
                    return now.accessToken();
                }
                throw revocations.revoked(accountId, "Zoom refused its refresh token (invalid_grant: the app was "
                        + "removed or the grant revoked or expired)");
            } catch (ZoomOAuthClient.RefreshOutcomeUnknownException e) {
                // Zoom may have rotated the refresh token: never send it again, never disconnect on a guess
                boolean first = Boolean.TRUE.equals(ownTransaction.execute(status ->
                        credentials.markRefreshUncertain(accountId, read.version(), clock.instant())));
                if (first) {
                    revocations.refreshUncertain(accountId, e.getMessage(), read.expiresAt());
                }
                return afterUncertainRefresh(accountId, current(accountId), stale, staleRefused);
            } catch (RuntimeException e) {
                // the request never reached Zoom: the refresh token is unused, let the next try claim it
                ownTransaction.executeWithoutResult(status -> credentials.releaseClaim(accountId, read.version()));
                throw e;
            }
            Boolean stored = ownTransaction.execute(status -> credentials.rotate(accountId, read.version(), grant));
            if (Boolean.TRUE.equals(stored)) {
                log.debug("Zoom account {}: access token refreshed, valid until {}", accountId, grant.expiresAt());
                return grant.accessToken();
            }
            log.warn("Zoom account {}: tokens were rotated by someone else while this node held the refresh claim; "
                    + "using theirs", accountId);
            return current(accountId).accessToken();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The last refresh got no answer: re-read the stored token (another node may have stored a newer one — then it is
     * used) and use the stored access token while it lasts; after that the account needs a new Zoom sign-in (the
     * business was alerted). The refresh token is not sent again and the account is not disconnected.
     */
    private String afterUncertainRefresh(long accountId, ZoomCredential read, String stale, boolean staleRefused) {
        if (read.refreshUncertainSince() == null) {
            return read.accessToken(); // rotated since: a successful refresh cleared it
        }
        boolean usable = read.validAt(clock.instant()) && (!staleRefused || !read.accessToken().equals(stale));
        if (usable) {
            return read.accessToken();
        }
        throw new ZoomUnavailableException("Zoom account " + accountId + ": a token refresh at "
                + read.refreshUncertainSince() + " got no answer, so its refresh token is not sent again (Zoom may have "
                + "replaced it); the access token " + (read.validAt(clock.instant()) ? "was refused" : "has expired")
                + ". Connect the account again through Zoom's sign-in");
    }

    /** Another node holds the refresh claim: wait for its rotation (the version moves) and use its token. */
    private String awaitOtherRefresh(long accountId, long version) {
        long deadline = System.nanoTime() + claimTime().toNanos();
        while (System.nanoTime() < deadline) {
            ZoomCredential now = current(accountId);
            if (now.version() != version) {
                return now.accessToken();
            }
            try {
                Thread.sleep(CLAIM_POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new ZoomUnavailableException("Zoom account " + accountId + ": another node's token refresh did not "
                + "finish in " + claimTime().toSeconds() + " s");
    }

    /** Long enough for one refresh with all its retries; a node that died holding the claim blocks no longer. */
    private Duration claimTime() {
        ZoomProperties.Retry retry = properties.retry();
        return properties.connectTimeout().plus(properties.readTimeout()).plus(retry.maxBackoff())
                .multipliedBy(Math.max(1, retry.maxAttempts()));
    }

    private ZoomCredential current(long accountId) {
        ConferencingAccount account = accounts.find(accountId).orElseThrow();
        if (!account.connected()) {
            throw new ZoomAccountDisconnectedException(accountId, account.label() + " is disconnected"
                    + (account.disconnectReason() == null ? "" : ": " + account.disconnectReason()), List.of());
        }
        return credentials.find(accountId).orElseThrow(() -> revocations.revoked(accountId,
                "no Zoom tokens are stored for it (connect it through Zoom's sign-in)"));
    }
}
