package com.videolinks.host;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcHostEventLog implements HostEventLog {

    private static final String COLUMNS = """
            id, key_id, event_id, event_type, site_host_id, entity_kind, entity_host_id, entity_version, body_sha256,
            payload, status, reason, waits_for, attempts, received_at, pending_since, applied_at
            """;
    private static final String BY_DELIVERY = "select " + COLUMNS + " from host_event where key_id = :keyId and event_id = :eventId";
    private static final String BY_ID = "select " + COLUMNS + " from host_event where id = :id";
    private static final String INSERT = """
            insert into host_event (key_id, event_id, event_type, site_host_id, entity_kind, entity_host_id,
                                    entity_version, body_sha256, payload, status, attempts, received_at)
            values (:keyId, :eventId, :type, :site, :kind, :entity, :version, :sha, :payload, 'PENDING', 0, :now)
            """;
    private static final String LOCK_UNAPPLIED = """
            select id from host_event where id = :id and status in ('PENDING', 'FAILED') for update
            """;
    private static final String APPLIED = """
            update host_event set status = :status, reason = :reason, waits_for = null, pending_since = null,
                                  applied_at = :now, attempts = attempts + 1
            where id = :id
            """;
    private static final String PENDING = """
            update host_event set status = 'PENDING', reason = :reason, waits_for = :waitsFor,
                                  pending_since = coalesce(pending_since, :since), attempts = attempts + 1
            where id = :id
            """;
    private static final String RESTART_WAIT = "update host_event set pending_since = null where id = :id";
    private static final String FAILED = """
            update host_event set status = 'FAILED', reason = :reason, waits_for = null where id = :id
            """;
    private static final String WAITING_FOR = """
            select id from host_event where status = 'PENDING' and waits_for = :key order by entity_version, id
            """;
    private static final String PENDING_IDS = """
            select id from host_event where status = 'PENDING' order by pending_since, id limit :limit
            """;
    private static final String PENDING_SINCE = """
            select id from host_event where status = 'PENDING' and pending_since < :before order by id
            """;
    private static final String LIST = "select " + COLUMNS + " from host_event where status = :status order by id desc limit :limit";
    private static final String LIST_ALL = "select " + COLUMNS + " from host_event order by id desc limit :limit";
    private static final String COUNT = "select count(*) from host_event where status = :status";

    private final JdbcClient jdbc;

    JdbcHostEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<HostEventRecord> find(String keyId, String eventId) {
        return jdbc.sql(BY_DELIVERY).param("keyId", keyId).param("eventId", eventId).query(JdbcHostEventLog::map).optional();
    }

    @Override
    public Optional<HostEventRecord> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcHostEventLog::map).optional();
    }

    @Override
    public long insert(String keyId, HostEvent event, String bodySha256, String payload, Instant now) {
        HostEventType type = HostEventType.of(event.type()).orElseThrow();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("keyId", keyId).param("eventId", event.id()).param("type", event.type())
                .param("site", event.siteId()).param("kind", type.kind().name())
                .param("entity", event.entityHostId(type)).param("version", event.version())
                .param("sha", bodySha256).param("payload", payload).param("now", Timestamp.from(now))
                .update(key, "id");
        return key.getKey().longValue();
    }

    @Override
    public boolean lockUnapplied(long id) {
        return jdbc.sql(LOCK_UNAPPLIED).param("id", id).query(Long.class).optional().isPresent();
    }

    @Override
    public void applied(long id, HostEventStatus status, String reason, Instant now) {
        jdbc.sql(APPLIED).param("id", id).param("status", status.name()).param("reason", clip(reason))
                .param("now", Timestamp.from(now)).update();
    }

    @Override
    public void pending(long id, String waitsFor, String reason, Instant since) {
        if (since == null) {
            jdbc.sql(RESTART_WAIT).param("id", id).update();
            return;
        }
        jdbc.sql(PENDING).param("id", id).param("waitsFor", waitsFor).param("reason", clip(reason))
                .param("since", Timestamp.from(since)).update();
    }

    @Override
    public void failed(long id, String reason) {
        jdbc.sql(FAILED).param("id", id).param("reason", clip(reason)).update();
    }

    @Override
    public List<Long> waitingFor(String parentKey) {
        return jdbc.sql(WAITING_FOR).param("key", parentKey).query(Long.class).list();
    }

    @Override
    public List<Long> pendingIds(int limit) {
        return jdbc.sql(PENDING_IDS).param("limit", limit).query(Long.class).list();
    }

    @Override
    public List<Long> pendingSince(Instant before) {
        return jdbc.sql(PENDING_SINCE).param("before", Timestamp.from(before)).query(Long.class).list();
    }

    @Override
    public List<HostEventRecord> list(HostEventStatus status, int limit) {
        if (status == null) {
            return jdbc.sql(LIST_ALL).param("limit", limit).query(JdbcHostEventLog::map).list();
        }
        return jdbc.sql(LIST).param("status", status.name()).param("limit", limit).query(JdbcHostEventLog::map).list();
    }

    @Override
    public long count(HostEventStatus status) {
        return jdbc.sql(COUNT).param("status", status.name()).query(Long.class).single();
    }

    private static String clip(String reason) {
        return reason == null || reason.length() <= 1000 ? reason : reason.substring(0, 997) + "...";
    }

    private static HostEventRecord map(ResultSet rs, int row) throws SQLException {
        return new HostEventRecord(rs.getLong("id"), rs.getString("key_id"), rs.getString("event_id"),
                rs.getString("event_type"), rs.getString("site_host_id"), EntityKind.valueOf(rs.getString("entity_kind")),
                rs.getString("entity_host_id"), rs.getLong("entity_version"),
                HostEventStatus.valueOf(rs.getString("status")), rs.getString("reason"), rs.getString("waits_for"),
                rs.getInt("attempts"), instant(rs.getTimestamp("received_at")), instant(rs.getTimestamp("pending_since")),
                instant(rs.getTimestamp("applied_at")), rs.getString("body_sha256"), rs.getString("payload"));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
