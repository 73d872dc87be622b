package com.videolinks.conferencing.zoom.webhook;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Signatures of webhook requests already accepted within the replay window: the very same request twice is refused. */
@Component
class ZoomWebhookReceipts {

    private static final String INSERT = "insert into zoom_webhook_receipt (signature, received_at) values (:signature, :now)";
    private static final String PURGE = "delete from zoom_webhook_receipt where received_at < :before";

    private final JdbcClient jdbc;
    private final Clock clock;

    ZoomWebhookReceipts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** False when this signature was seen before (a replay). */
    boolean firstTime(String signature, Duration window) {
        jdbc.sql(PURGE).param("before", Timestamp.from(clock.instant().minus(window.multipliedBy(2)))).update();
        try {
            jdbc.sql(INSERT).param("signature", signature.strip()).param("now", Timestamp.from(clock.instant())).update();
            return true;
        } catch (DuplicateKeyException replay) {
            return false;
        }
    }
}
