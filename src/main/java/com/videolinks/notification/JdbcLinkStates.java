package com.videolinks.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcLinkStates implements LinkStates {

    private static final String FIND = """
            select session_id, version, state from session_link_state where session_id in (:ids)
            """;
    private static final String BASELINE = """
            insert into session_link_state (session_id, version, state, changed_at)
            select cast(:id as bigint), 1, cast(:state as varchar(8000)), cast(:now as timestamp with time zone)
            where not exists (select 1 from session_link_state where session_id = :id)
            """;
    private static final String REPLACE = """
            update session_link_state set version = version + 1, state = :state, changed_at = :now
            where session_id = :id and version = :version
            """;

    private final JdbcClient jdbc;

    JdbcLinkStates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, Stored> find(Collection<Long> sessionIds) {
        Map<Long, Stored> found = new HashMap<>();
        if (sessionIds.isEmpty()) {
            return found;
        }
        jdbc.sql(FIND).param("ids", List.copyOf(sessionIds))
                .query((rs, i) -> Map.entry(rs.getLong("session_id"),
                        new Stored(LinkState.parse(rs.getString("state")), rs.getInt("version"))))
                .list().forEach(e -> found.put(e.getKey(), e.getValue()));
        return found;
    }

    @Override
    public boolean baseline(long sessionId, LinkState state, Instant now) {
        return jdbc.sql(BASELINE).param("id", sessionId).param("state", state.serialize())
                .param("now", Timestamp.from(now)).update() == 1;
    }

    @Override
    public boolean replace(long sessionId, int version, LinkState state, Instant now) {
        return jdbc.sql(REPLACE).param("id", sessionId).param("version", version).param("state", state.serialize())
                .param("now", Timestamp.from(now)).update() == 1;
    }
}
