package com.videolinks.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class JdbcPromisedLinks implements PromisedLinks {

    private static final String INSERT_IF_ABSENT = """
            insert into notification_promised_link (booking_id, session_id, promised_at)
            select cast(:bookingId as bigint), cast(:sessionId as bigint), cast(:at as timestamp with time zone)
            where not exists (select 1 from notification_promised_link where booking_id = :bookingId)
            """;
    private static final String SETTLE = "delete from notification_promised_link where booking_id = :bookingId";
    private static final String TAKE = "delete from notification_promised_link where id = :id";
    private static final String COLUMNS = "id, booking_id, session_id, promised_at";
    private static final String OLDEST = "select " + COLUMNS
            + " from notification_promised_link order by promised_at, id limit :limit";
    private static final String OF_SESSION = "select " + COLUMNS
            + " from notification_promised_link where session_id = :sessionId order by id";

    private final JdbcClient jdbc;

    JdbcPromisedLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void promise(long bookingId, long sessionId, Instant at) {
        jdbc.sql(INSERT_IF_ABSENT).param("bookingId", bookingId).param("sessionId", sessionId)
                .param("at", Timestamp.from(at)).update();
    }

    @Override
    public void settle(long bookingId) {
        jdbc.sql(SETTLE).param("bookingId", bookingId).update();
    }

    @Override
    public boolean take(long promiseId) {
        return jdbc.sql(TAKE).param("id", promiseId).update() == 1;
    }

    @Override
    public List<PromisedLink> oldest(int limit) {
        return jdbc.sql(OLDEST).param("limit", limit).query(JdbcPromisedLinks::map).list();
    }

    @Override
    public List<PromisedLink> ofSession(long sessionId) {
        return jdbc.sql(OF_SESSION).param("sessionId", sessionId).query(JdbcPromisedLinks::map).list();
    }

    private static PromisedLink map(ResultSet rs, int row) throws SQLException {
        return new PromisedLink(rs.getLong("id"), rs.getLong("booking_id"), rs.getLong("session_id"),
                rs.getTimestamp("promised_at").toInstant());
    }
}
