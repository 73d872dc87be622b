package com.videolinks.conferencing.zoom;

import java.sql.Timestamp;
import java.time.Clock;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meeting creations whose outcome Zoom has not told us (V20), written ahead of the POST in a transaction of their
 * own: a creation that times out, gets a 5xx or dies with the node stays here, and the next creation of the same
 * meeting looks in Zoom first.
 */
@Component
class ZoomCreationsInDoubt {

    private static final String BEGIN = """
            insert into zoom_creation_in_doubt (account_id, reference, since) values (:accountId, :reference, :now)
            """;
    private static final String END = """
            delete from zoom_creation_in_doubt where account_id = :accountId and reference = :reference
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ZoomCreationsInDoubt(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Notes a creation about to be sent; true when an earlier one of the same meeting never got its answer. */
    boolean begin(long accountId, String reference) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(BEGIN).param("accountId", accountId)
                    .param("reference", reference).param("now", Timestamp.from(clock.instant())).update());
            return false;
        } catch (DuplicateKeyException earlier) {
            return true;
        }
    }

    /** Zoom's answer is known (the meeting exists and is recorded, or it was surely not created). */
    void end(long accountId, String reference) {
        ownTransaction.executeWithoutResult(status -> jdbc.sql(END).param("accountId", accountId)
                .param("reference", reference).update());
    }
}
