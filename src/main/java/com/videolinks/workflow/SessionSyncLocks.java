package com.videolinks.workflow;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A row lock per session, held by the job that provisions its meeting until the job's transaction ends: two jobs for
 * the same session (moved twice in a row) run one after the other, so they never create two meetings. Works across
 * nodes sharing the database.
 */
@Component
class SessionSyncLocks {

    private static final String ENSURE = """
            insert into zoom_session_sync (session_id)
            select :sessionId where not exists (select 1 from zoom_session_sync where session_id = :sessionId)
            """;
    private static final String LOCK = "select session_id from zoom_session_sync where session_id = :sessionId for update";

    private final JdbcClient jdbc;
    private final TransactionTemplate ownTransaction;

    SessionSyncLocks(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Call inside a transaction; the lock is released when it ends. */
    void lock(long sessionId) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(ENSURE).param("sessionId", sessionId).update());
        } catch (DuplicateKeyException raced) {
            // created by a concurrent job: lock it all the same
        }
        jdbc.sql(LOCK).param("sessionId", sessionId).query(Long.class).single();
    }
}
