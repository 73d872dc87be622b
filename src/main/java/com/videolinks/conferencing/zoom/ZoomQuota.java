package com.videolinks.conferencing.zoom;

import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Zoom's ~100 meeting creations per host per day (UTC), counted before each creation in a transaction of its own:
 * a creation that then fails still counts, so the count errs on the safe side. Creations past the limit wait.
 */
@Component
class ZoomQuota {

    private static final String ENSURE_DAY = """
            insert into zoom_daily_quota (account_id, quota_day, used)
            select :accountId, :day, 0 where not exists
                (select 1 from zoom_daily_quota where account_id = :accountId and quota_day = :day)
            """;
    private static final String CONSUME = """
            update zoom_daily_quota set used = used + 1
            where account_id = :accountId and quota_day = :day and used < :limit
            """;
    private static final String EXHAUST = """
            update zoom_daily_quota set used = :limit where account_id = :accountId and quota_day = :day
            """;

    private static final String USED = """
            select used from zoom_daily_quota where account_id = :accountId and quota_day = :day
            """;

    private final JdbcClient jdbc;
    private final ZoomProperties properties;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    ZoomQuota(JdbcClient jdbc, ZoomProperties properties, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** Takes one creation from today's allowance, or throws when it is used up (retry at the next UTC day). */
    void consumeCreation(long accountId, String host) {
        LocalDate day = today();
        ensureDay(accountId, day);
        Integer taken = ownTransaction.execute(status -> jdbc.sql(CONSUME).param("accountId", accountId)
                .param("day", Date.valueOf(day)).param("limit", properties.dailyMeetingCreations()).update());
        if (taken == null || taken == 0) {
            Instant retryAt = ZoomResilience.nextUtcDay(clock.instant());
            throw new ZoomRateLimitedException(host + " has used today's " + properties.dailyMeetingCreations()
                    + " Zoom meeting creations; queued until " + retryAt, retryAt, true);
        }
    }

    /** Creations the host has left today (read only, for estimates: another job may take one meanwhile). */
    int leftToday(long accountId) {
        Integer used = jdbc.sql(USED).param("accountId", accountId).param("day", Date.valueOf(today()))
                .query(Integer.class).optional().orElse(0);
        return Math.max(0, properties.dailyMeetingCreations() - used);
    }

    int dailyLimit() {
        return properties.dailyMeetingCreations();
    }

    /** When the next quota day begins (Zoom counts per UTC day). */
    Instant nextDay() {
        return ZoomResilience.nextUtcDay(clock.instant());
    }

    /** Zoom said the day's limit is reached (429): nothing more is tried for this host today. */
    void exhausted(long accountId) {
        LocalDate day = today();
        ensureDay(accountId, day);
        ownTransaction.executeWithoutResult(status -> jdbc.sql(EXHAUST).param("accountId", accountId)
                .param("day", Date.valueOf(day)).param("limit", properties.dailyMeetingCreations()).update());
    }

    private void ensureDay(long accountId, LocalDate day) {
        try {
            ownTransaction.executeWithoutResult(status -> jdbc.sql(ENSURE_DAY).param("accountId", accountId)
                    .param("day", Date.valueOf(day)).update());
        } catch (DuplicateKeyException raced) {
            // another job created today's row first: fine
        }
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
