package com.videolinks.host;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Which key installed the plugin on which site, and the plugin's lifecycle there. */
@Repository
class HostInstallations {

    record Installation(long siteId, String keyId, Instant installedAt, Instant removedAt, Instant eraseAt) {

        boolean removed() {
            return removedAt != null;
        }
    }

    private static final String FIND = """
            select site_id, key_id, installed_at, removed_at, erase_at from host_installation where site_id = :siteId
            """;
    private static final String INSERT = """
            insert into host_installation (site_id, key_id, installed_at) values (:siteId, :keyId, :now)
            """;
    private static final String REINSTALL = """
            update host_installation set installed_at = :now, removed_at = null, erase_at = null, erased_at = null
            where site_id = :siteId
            """;
    private static final String REMOVE = """
            update host_installation set removed_at = :now, erase_at = :eraseAt where site_id = :siteId
            """;
    private static final String DUE_FOR_ERASURE = """
            select site_id from host_installation
            where removed_at is not null and erase_at <= :now and erased_at is null order by site_id
            """;
    private static final String ERASED = "update host_installation set erased_at = :now where site_id = :siteId";

    private final JdbcClient jdbc;

    HostInstallations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Installation> find(long siteId) {
        return jdbc.sql(FIND).param("siteId", siteId).query((rs, i) -> new Installation(rs.getLong("site_id"),
                rs.getString("key_id"), rs.getTimestamp("installed_at").toInstant(), instant(rs.getTimestamp("removed_at")),
                instant(rs.getTimestamp("erase_at")))).optional();
    }

    void install(long siteId, String keyId, Instant now) {
        jdbc.sql(INSERT).param("siteId", siteId).param("keyId", keyId).param("now", Timestamp.from(now)).update();
    }

    void reinstall(long siteId, Instant now) {
        jdbc.sql(REINSTALL).param("siteId", siteId).param("now", Timestamp.from(now)).update();
    }

    void remove(long siteId, Instant now, Instant eraseAt) {
        jdbc.sql(REMOVE).param("siteId", siteId).param("now", Timestamp.from(now)).param("eraseAt", Timestamp.from(eraseAt))
                .update();
    }

    List<Long> dueForErasure(Instant now) {
        return jdbc.sql(DUE_FOR_ERASURE).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    void erased(long siteId, Instant now) {
        jdbc.sql(ERASED).param("siteId", siteId).param("now", Timestamp.from(now)).update();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
