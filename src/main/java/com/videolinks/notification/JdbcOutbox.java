package com.videolinks.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcOutbox implements Outbox {

    private static final int ERROR_LENGTH = 1000;

    private static final String COUNT_COURSE_CHANGE = """
            select status, count(*) as n from notification_outbox
            where kind = 'LINK_CHANGED' and service_id = :serviceId and link_version = :linkVersion
            group by status
            """;

    private static final String COLUMNS = """
            id, idempotency_key, kind, site_id, customer_id, booking_id, session_id, service_id, link_version,
            old_link_url, status, attempts, next_attempt_at, claimed_by, last_error, created_at, sent_at, recipient,
            link_status, staff_id, before_state
            """;
    // Casts: PostgreSQL cannot infer the type of a bare parameter in a select list. Two writers racing on one key
    // are stopped by the unique constraint (the loser's transaction fails and is retried by its caller).
    private static final String INSERT_IF_ABSENT = """
            insert into notification_outbox (idempotency_key, kind, site_id, customer_id, booking_id, session_id,
                                             service_id, link_version, old_link_url, staff_id, before_state,
                                             status, attempts, next_attempt_at, created_at)
            select cast(:key as varchar(200)), cast(:kind as varchar(30)), cast(:siteId as bigint),
                   cast(:customerId as bigint), cast(:bookingId as bigint), cast(:sessionId as bigint),
                   cast(:serviceId as bigint), cast(:linkVersion as integer), cast(:oldLinkUrl as varchar(2048)),
                   cast(:staffId as bigint), cast(:beforeState as varchar(8000)),
                   'PENDING', 0, cast(:due as timestamp with time zone), cast(:now as timestamp with time zone)
            where not exists (select 1 from notification_outbox where idempotency_key = :key)
            """;
    // The outer conditions repeat the inner ones: a node that waited on another's row lock re-checks them on the
    // committed row (PostgreSQL, H2) and so never takes a row another node just claimed.
    private static final String CLAIM = """
            update notification_outbox set claimed_by = :claimer, claimed_until = :until
            where status = 'PENDING' and next_attempt_at <= :now
              and (claimed_until is null or claimed_until < :now)
              and id in (select id from notification_outbox
                         where status = 'PENDING' and next_attempt_at <= :now
                           and (claimed_until is null or claimed_until < :now)
                         order by next_attempt_at, id
                         limit :limit)
            """;
    // PostgreSQL: rows another node is claiming right now are skipped instead of waited for, so nodes claiming at the
    // same moment take different rows at once (no queue behind one node's row locks, no empty re-checked batch)
    private static final String CLAIM_SKIP_LOCKED = """
            update notification_outbox set claimed_by = :claimer, claimed_until = :until
            where id in (select id from notification_outbox
                         where status = 'PENDING' and next_attempt_at <= :now
                           and (claimed_until is null or claimed_until < :now)
                         order by next_attempt_at, id
                         limit :limit
                         for update skip locked)
            """;
    private static final String CLAIMED = "select " + COLUMNS
            + " from notification_outbox where claimed_by = :claimer and status = 'PENDING' order by id";
    private static final String RELEASE_CLAIMS = """
            update notification_outbox set claimed_by = null, claimed_until = null
            where status = 'PENDING' and claimed_by like :node and claimed_by not like :run
            """;
    private static final String MARK_SENT = """
            update notification_outbox
            set status = 'SENT', sent_at = :at, recipient = :recipient, link_status = :linkStatus,
                attempts = attempts + 1, last_error = null, claimed_by = null, claimed_until = null
            where id = :id and claimed_by = :claimer and status = 'PENDING'
            """;
    private static final String RETRY_LATER = """
            update notification_outbox
            set attempts = :attempts, next_attempt_at = :next, last_error = :error,
                claimed_by = null, claimed_until = null
            where id = :id and claimed_by = :claimer and status = 'PENDING'
            """;
    private static final String FINISH = """
            update notification_outbox
            set status = :status, attempts = :attempts, last_error = :error, claimed_by = null, claimed_until = null
            where id = :id and claimed_by = :claimer and status = 'PENDING'
            """;
    private static final String REQUEUE = """
            update notification_outbox
            set status = 'PENDING', attempts = 0, next_attempt_at = :now, claimed_by = null, claimed_until = null
            where id = :id and status = 'PARKED'
            """;
    private static final String BY_ID = "select " + COLUMNS + " from notification_outbox where id = :id";
    private static final String LIST = "select " + COLUMNS + """
             from notification_outbox
            where (cast(:siteId as bigint) is null or site_id = :siteId)
              and (cast(:status as varchar(20)) is null or status = :status)
            order by id desc
            limit :limit
            """;
    private static final String OF_COURSE_CHANGE = "select " + COLUMNS + """
             from notification_outbox
            where kind = 'LINK_CHANGED' and service_id = :serviceId and link_version = :linkVersion and status = :status
            order by id
            limit :limit
            """;
    private static final String UNSENT_FOR_BOOKING = """
            select count(*) from notification_outbox where booking_id = :bookingId and status = 'PENDING'
            """;
    private static final String COUNT = "select count(*) from notification_outbox where status = :status";
    private static final String DELETE_FINISHED = """
            delete from notification_outbox where status in ('SENT', 'SKIPPED') and created_at < :before
            """;
    private static final String OLDEST_UNSENT_CHANGE = "select " + COLUMNS + """
             from notification_outbox
            where kind = 'LINK_CHANGED' and status = 'PENDING' and customer_id = :customerId
              and (session_id = :sessionId or service_id = :serviceId)
            order by link_version, id
            limit 1
            """;
    private static final String NEWER_SESSION_CHANGE = """
            select count(*) from notification_outbox
            where kind = 'LINK_CHANGED' and customer_id = :customerId and session_id = :sessionId
              and link_version > :version
            """;
    private static final String NEWER_COURSE_CHANGE = """
            select count(*) from notification_outbox
            where kind = 'LINK_CHANGED' and customer_id = :customerId and service_id = :serviceId
              and link_version > :version
            """;

    private final JdbcClient jdbc;
    private final String claim;

    @org.springframework.beans.factory.annotation.Autowired
    JdbcOutbox(JdbcClient jdbc, javax.sql.DataSource dataSource) {
        this(jdbc, isPostgresql(dataSource));
    }

    JdbcOutbox(JdbcClient jdbc, boolean postgresql) {
        this.jdbc = jdbc;
        this.claim = postgresql ? CLAIM_SKIP_LOCKED : CLAIM;
    }

    private static boolean isPostgresql(javax.sql.DataSource dataSource) {
        try {
            String product = org.springframework.jdbc.support.JdbcUtils.extractDatabaseMetaData(dataSource,
                    java.sql.DatabaseMetaData::getDatabaseProductName);
            return "PostgreSQL".equalsIgnoreCase(product);
        } catch (org.springframework.jdbc.support.MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the outbox is on", e);
        }
    }

    @Override
    public boolean add(NewOutboxMessage message, Instant now, Instant dueAt) {
        return jdbc.sql(INSERT_IF_ABSENT)
                .param("key", message.idempotencyKey(), Types.VARCHAR)
                .param("kind", message.kind().name(), Types.VARCHAR)
                .param("siteId", message.siteId(), Types.BIGINT)
                .param("customerId", message.customerId(), Types.BIGINT)
                .param("bookingId", message.bookingId(), Types.BIGINT)
                .param("sessionId", message.sessionId(), Types.BIGINT)
                .param("serviceId", message.serviceId(), Types.BIGINT)
                .param("linkVersion", message.linkVersion(), Types.INTEGER)
                .param("oldLinkUrl", message.oldLinkUrl(), Types.VARCHAR)
                .param("staffId", message.staffId(), Types.BIGINT)
                .param("beforeState", message.beforeState(), Types.VARCHAR)
                .param("now", Timestamp.from(now), Types.TIMESTAMP)
                .param("due", Timestamp.from(dueAt), Types.TIMESTAMP)
                .update() == 1;
    }

    @Override
    public List<OutboxMessage> claimDue(String claimer, Instant now, Instant claimedUntil, int limit) {
        int claimed = jdbc.sql(claim).param("claimer", claimer).param("until", Timestamp.from(claimedUntil))
                .param("now", Timestamp.from(now)).param("limit", limit).update();
        if (claimed == 0) {
            return List.of();
        }
        return jdbc.sql(CLAIMED).param("claimer", claimer).query(JdbcOutbox::map).list();
    }

    @Override
    public int releaseClaimsOf(String node, String currentRun) {
        return jdbc.sql(RELEASE_CLAIMS).param("node", likePrefix(node) + "/%")
                .param("run", likePrefix(node + "/" + currentRun) + "/%").update();
    }

    private static String likePrefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    @Override
    public boolean markSent(long id, String claimer, Instant at, String recipient, String linkStatus) {
        return jdbc.sql(MARK_SENT).param("id", id).param("claimer", claimer).param("at", Timestamp.from(at))
                .param("recipient", recipient).param("linkStatus", linkStatus).update() == 1;
    }

    @Override
    public boolean retryLater(long id, String claimer, int attempts, Instant nextAttemptAt, String error) {
        return jdbc.sql(RETRY_LATER).param("id", id).param("claimer", claimer).param("attempts", attempts)
                .param("next", Timestamp.from(nextAttemptAt)).param("error", truncate(error)).update() == 1;
    }

    @Override
    public boolean park(long id, String claimer, int attempts, String error) {
        return finish(id, claimer, OutboxStatus.PARKED, attempts, error);
    }

    @Override
    public int skipUnsentOfCustomer(long customerId, String reason) {
        return jdbc.sql("""
                update notification_outbox set status = 'SKIPPED', last_error = :reason, claimed_by = null,
                                               claimed_until = null
                where customer_id = :customerId and status in ('PENDING', 'PARKED')
                """).param("customerId", customerId).param("reason", reason).update();
    }

    @Override
    public int skipUnsentOfBooking(long bookingId, String reason) {
        return jdbc.sql("""
                update notification_outbox set status = 'SKIPPED', last_error = :reason, claimed_by = null,
                                               claimed_until = null
                where booking_id = :bookingId and status in ('PENDING', 'PARKED')
                """).param("bookingId", bookingId).param("reason", reason).update();
    }

    @Override
    public boolean skip(long id, String claimer, String reason) {
        OutboxMessage message = find(id).orElseThrow();
        return finish(id, claimer, OutboxStatus.SKIPPED, message.attempts(), reason);
    }

    private boolean finish(long id, String claimer, OutboxStatus status, int attempts, String error) {
        return jdbc.sql(FINISH).param("id", id).param("claimer", claimer).param("status", status.name())
                .param("attempts", attempts).param("error", truncate(error)).update() == 1;
    }

    @Override
    public boolean requeue(long id, Instant now) {
        return jdbc.sql(REQUEUE).param("id", id).param("now", Timestamp.from(now)).update() == 1;
    }

    @Override
    public Optional<OutboxMessage> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcOutbox::map).optional();
    }

    @Override
    public List<OutboxMessage> list(Long siteId, OutboxStatus status, int limit) {
        return jdbc.sql(LIST).param("siteId", siteId, Types.BIGINT)
                .param("status", status == null ? null : status.name(), Types.VARCHAR)
                .param("limit", limit).query(JdbcOutbox::map).list();
    }

    @Override
    public boolean hasUnsent(long bookingId) {
        return jdbc.sql(UNSENT_FOR_BOOKING).param("bookingId", bookingId).query(Long.class).single() > 0;
    }

    @Override
    public long count(OutboxStatus status) {
        return jdbc.sql(COUNT).param("status", status.name()).query(Long.class).single();
    }

    @Override
    public java.util.Map<OutboxStatus, Long> countCourseChange(long serviceId, int linkVersion) {
        java.util.Map<OutboxStatus, Long> counts = new java.util.EnumMap<>(OutboxStatus.class);
        jdbc.sql(COUNT_COURSE_CHANGE).param("serviceId", serviceId).param("linkVersion", linkVersion)
                .query((rs, row) -> counts.put(OutboxStatus.valueOf(rs.getString("status")), rs.getLong("n"))).list();
        return counts;
    }

    @Override
    public List<OutboxMessage> ofCourseChange(long serviceId, int linkVersion, OutboxStatus status, int limit) {
        return jdbc.sql(OF_COURSE_CHANGE).param("serviceId", serviceId).param("linkVersion", linkVersion)
                .param("status", status.name()).param("limit", limit).query(JdbcOutbox::map).list();
    }

    @Override
    public int deleteFinishedBefore(Instant before) {
        return jdbc.sql(DELETE_FINISHED).param("before", Timestamp.from(before)).update();
    }

    @Override
    public Optional<OutboxMessage> oldestUnsentChange(long customerId, Long sessionId, Long serviceId) {
        return jdbc.sql(OLDEST_UNSENT_CHANGE).param("customerId", customerId)
                .param("sessionId", sessionId, Types.BIGINT).param("serviceId", serviceId, Types.BIGINT)
                .query(JdbcOutbox::map).optional();
    }

    @Override
    public boolean hasNewerChange(OutboxMessage linkChanged) {
        if (linkChanged.linkVersion() == null) {
            return false;
        }
        boolean course = linkChanged.serviceId() != null;
        return jdbc.sql(course ? NEWER_COURSE_CHANGE : NEWER_SESSION_CHANGE)
                .param("customerId", linkChanged.customerId())
                .param(course ? "serviceId" : "sessionId", course ? linkChanged.serviceId() : linkChanged.sessionId())
                .param("version", linkChanged.linkVersion())
                .query(Long.class).single() > 0;
    }

    private static String truncate(String error) {
        if (error == null) {
            return null;
        }
        return error.length() <= ERROR_LENGTH ? error : error.substring(0, ERROR_LENGTH - 1) + "…";
    }

    private static OutboxMessage map(ResultSet rs, int row) throws SQLException {
        Timestamp sentAt = rs.getTimestamp("sent_at");
        return new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"),
                NotificationKind.valueOf(rs.getString("kind")), rs.getLong("site_id"),
                rs.getObject("customer_id", Long.class),
                rs.getObject("booking_id", Long.class), rs.getObject("session_id", Long.class),
                rs.getObject("service_id", Long.class), rs.getObject("link_version", Integer.class),
                rs.getString("old_link_url"), OutboxStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getTimestamp("next_attempt_at").toInstant(), rs.getString("claimed_by"), rs.getString("last_error"),
                rs.getTimestamp("created_at").toInstant(), sentAt == null ? null : sentAt.toInstant(),
                rs.getString("recipient"), rs.getString("link_status"),
                rs.getObject("staff_id", Long.class), rs.getString("before_state"));
    }
}
