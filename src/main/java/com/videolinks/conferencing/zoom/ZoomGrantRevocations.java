package com.videolinks.conferencing.zoom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Revokes Zoom grants with Zoom and deletes their tokens (the plugin was removed from the site). Asked inside the
 * removal's transaction, done after it: each revocation is a row tried every {@code revoke-every} with backoff,
 * because Zoom may be unreachable at that moment. A grant Zoom says is already gone counts as revoked. After
 * {@link #MAX_ATTEMPTS} failures the tokens are deleted anyway and a WARN asks an operator to remove the app in
 * Zoom by hand, so no token outlives the removal by more than about a day.
 */
@Component
@NamedInterface("zoom")
public class ZoomGrantRevocations {

    static final int MAX_ATTEMPTS = 10;
    private static final Logger log = LoggerFactory.getLogger(ZoomGrantRevocations.class);
    private static final String REQUEST = """
            insert into zoom_grant_revocation (account_id, requested_at, attempts, next_attempt_at)
            values (:accountId, :now, 0, :now)
            """;
    private static final String REQUESTED = "select count(*) from zoom_grant_revocation where account_id = :accountId";
    private static final String WITH_TOKENS_OF_SITE = """
            select c.account_id from zoom_credential c join conferencing_account a on a.id = c.account_id
            where a.site_id = :siteId order by c.account_id
            """;
    private static final String DUE = """
            select account_id from zoom_grant_revocation where next_attempt_at <= :now order by next_attempt_at
            """;
    private static final String ATTEMPTS = "select attempts from zoom_grant_revocation where account_id = :accountId";
    private static final String DONE = "delete from zoom_grant_revocation where account_id = :accountId";
    private static final String FAILED = """
            update zoom_grant_revocation set attempts = :attempts, next_attempt_at = :next, last_error = :error
            where account_id = :accountId
            """;
    private static final String PENDING = "select count(*) from zoom_grant_revocation";

    private final JdbcClient jdbc;
    private final ZoomCredentials credentials;
    private final ZoomOAuthClient oauth;
    private final ZoomProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;

    ZoomGrantRevocations(JdbcClient jdbc, ZoomCredentials credentials, ZoomOAuthClient oauth, ZoomProperties properties,
                         PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.credentials = credentials;
        this.oauth = oauth;
        this.properties = properties;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Schedules the revocation of the accounts' Zoom grants (those with tokens), in the caller's transaction. */
    public void revokeLater(List<Long> accountIds) {
        for (long accountId : accountIds) {
            boolean requested = jdbc.sql(REQUESTED).param("accountId", accountId).query(Long.class).single() > 0;
            if (!requested && credentials.find(accountId).isPresent()) {
                jdbc.sql(REQUEST).param("accountId", accountId).param("now", Timestamp.from(clock.instant())).update();
            }
        }
    }

    /** Schedules the revocation of every Zoom grant stored for the site's accounts; how many. */
    public int revokeAllOfSite(long siteId) {
        List<Long> accountIds = jdbc.sql(WITH_TOKENS_OF_SITE).param("siteId", siteId).query(Long.class).list();
        revokeLater(accountIds);
        return accountIds.size();
    }

    /** Grants waiting to be revoked with Zoom. */
    public long pending() {
        return jdbc.sql(PENDING).query(Long.class).single();
    }

    @Scheduled(fixedDelayString = "${videolinks.zoom.revoke-every:30s}", initialDelayString = "${videolinks.zoom.revoke-every:30s}")
    void scheduled() {
        revokeDue();
    }

    /** Tries every revocation that is due; how many grants are gone afterwards. */
    public int revokeDue() {
        int done = 0;
        for (long accountId : jdbc.sql(DUE).param("now", Timestamp.from(clock.instant())).query(Long.class).list()) {
            if (revoke(accountId)) {
                done++;
            }
        }
        return done;
    }

    private boolean revoke(long accountId) {
        ZoomCredential credential = credentials.find(accountId).orElse(null);
        try {
            if (credential != null && properties.configured()) {
                boolean revoked = oauth.revoke(credential.accessToken()) || oauth.revoke(credential.refreshToken());
                log.info("Zoom account {}: grant {} with Zoom; tokens deleted", accountId,
                        revoked ? "revoked" : "already gone");
            } else if (credential != null) {
                log.warn("Zoom account {}: Zoom is not configured on this service, so its grant cannot be revoked with "
                        + "Zoom; tokens deleted (remove the app in the Zoom account by hand)", accountId);
            }
            forget(accountId);
            return true;
        } catch (RuntimeException e) {
            int attempts = jdbc.sql(ATTEMPTS).param("accountId", accountId).query(Integer.class).optional().orElse(0) + 1;
            if (attempts >= MAX_ATTEMPTS) {
                log.warn("Zoom account {}: revoking its grant with Zoom failed {} times ({}); tokens deleted anyway. "
                        + "Remove the app in the Zoom account by hand.", accountId, attempts, e.getMessage());
                forget(accountId);
                return true;
            }
            Instant next = clock.instant().plus(Duration.ofMinutes(1L << Math.min(attempts, 8)));
            String error = String.valueOf(e.getMessage());
            jdbc.sql(FAILED).param("accountId", accountId).param("attempts", attempts).param("next", Timestamp.from(next))
                    .param("error", error.length() > 1000 ? error.substring(0, 1000) : error).update();
            log.warn("Zoom account {}: revoking its grant with Zoom failed (attempt {} of {}): {}; next try at {}",
                    accountId, attempts, MAX_ATTEMPTS, error, next);
            return false;
        }
    }

    private void forget(long accountId) {
        transaction.executeWithoutResult(status -> {
            credentials.delete(accountId);
            jdbc.sql(DONE).param("accountId", accountId).update();
        });
    }
}
