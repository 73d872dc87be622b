package com.videolinks.workflow;

import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row per session whose Zoom meeting is provisioned: its row lock is held only for the short transactions that
 * decide and that record (never during a Zoom call), and its claim marks a run that is calling Zoom for the session
 * (#14). A run that finds a live claim leaves the session to the holder, which looks at the session again under the
 * lock before it releases the claim; so two runs never create two meetings, and a change made meanwhile is seen.
 * A claim left by a crashed node expires. Works across nodes sharing the database.
 */
@Component
class SessionSyncLocks {

    private static final String ENSURE = """
            insert into zoom_session_sync (session_id)
            select :sessionId where not exists (select 1 from zoom_session_sync where session_id = :sessionId)
            """;
    private static final String LOCK = "select session_id from zoom_session_sync where session_id = :sessionId for update";
    private static final String LIVE_CLAIM = """
            select claim_token from zoom_session_sync
            where session_id = :sessionId and claim_token is not null and claimed_until > :now
            """;
    private static final String CLAIM = """
            update zoom_session_sync set claim_token = :token, claimed_until = :until where session_id = :sessionId
            """;
    private static final String RELEASE = """
            update zoom_session_sync set claim_token = null, claimed_until = null
            where session_id = :sessionId and claim_token = :token
            """;

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SessionSyncLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Call inside a (short) transaction; the lock is released when it ends. */
    void lock(long sessionId) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(ENSURE).param("sessionId", sessionId).update());
        } catch (DuplicateKeyException raced) {
            // created by a concurrent job: lock it all the same
        }
        jdbc.sql(LOCK).param("sessionId", sessionId).query(Long.class).single();
    }

    /** Whether a run is calling Zoom for the session now (its claim has not expired). No lock taken. */
    boolean claimed(long sessionId, Instant now) {
        return jdbc.sql(LIVE_CLAIM).param("sessionId", sessionId).param("now", Timestamp.from(now))
                .query(String.class).optional().isPresent();
    }

    /** Under {@link #lock}: marks the session as being synced by {@code token} until {@code until}. */
    void claim(long sessionId, String token, Instant until) {
        jdbc.sql(CLAIM).param("sessionId", sessionId).param("token", token).param("until", Timestamp.from(until)).update();
    }

    /** Releases the claim if it is still {@code token}'s (an expired one taken over by another run is left alone). */
    boolean release(long sessionId, String token) {
        return jdbc.sql(RELEASE).param("sessionId", sessionId).param("token", token).update() == 1;
    }
}
