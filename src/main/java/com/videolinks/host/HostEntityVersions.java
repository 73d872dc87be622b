package com.videolinks.host;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The newest version of each host entity applied here, and whether the host deleted it (a tombstone). */
@Repository
class HostEntityVersions {

    record Applied(long version, boolean deleted) {
    }

    private static final String FIND = """
            select version, deleted from host_entity_version
            where site_host_id = :site and entity_kind = :kind and entity_host_id = :entity
            """;
    private static final String UPDATE = """
            update host_entity_version set version = :version, deleted = :deleted
            where site_host_id = :site and entity_kind = :kind and entity_host_id = :entity
            """;
    private static final String INSERT = """
            insert into host_entity_version (site_host_id, entity_kind, entity_host_id, version, deleted)
            values (:site, :kind, :entity, :version, :deleted)
            """;

    private final JdbcClient jdbc;

    HostEntityVersions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Applied> find(String siteHostId, EntityKind kind, String entityHostId) {
        return jdbc.sql(FIND).param("site", siteHostId).param("kind", kind.name()).param("entity", entityHostId)
                .query((rs, i) -> new Applied(rs.getLong("version"), rs.getBoolean("deleted"))).optional();
    }

    void record(String siteHostId, EntityKind kind, String entityHostId, long version, boolean deleted) {
        int updated = jdbc.sql(UPDATE).param("site", siteHostId).param("kind", kind.name()).param("entity", entityHostId)
                .param("version", version).param("deleted", deleted).update();
        if (updated == 0) {
            jdbc.sql(INSERT).param("site", siteHostId).param("kind", kind.name()).param("entity", entityHostId)
                    .param("version", version).param("deleted", deleted).update();
        }
    }
}
