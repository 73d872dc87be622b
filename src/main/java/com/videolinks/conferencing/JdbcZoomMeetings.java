package com.videolinks.conferencing;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

@Repository
class JdbcZoomMeetings implements ZoomMeetings {

    private static final String LATEST = """
            select session_id, account_id, join_url, password from zoom_meeting
            where session_id = :sessionId order by created_at desc
            limit 1
            """;
    private static final String INSERT = """
            insert into zoom_meeting (session_id, account_id, meeting_id, join_url, password, created_at)
            values (:sessionId, :accountId, :meetingId, :joinUrl, :password, :now)
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcZoomMeetings(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<ZoomMeetingFact> latestFor(long sessionId) {
        return jdbc.sql(LATEST).param("sessionId", sessionId)
                .query((rs, i) -> new ZoomMeetingFact(rs.getLong("session_id"), rs.getLong("account_id"),
                        new Link(rs.getString("join_url"), rs.getString("password"), null)))
                .optional();
    }

    @Override
    public void record(long sessionId, long accountId, String meetingId, String joinUrl, String password) {
        jdbc.sql(INSERT).param("sessionId", sessionId).param("accountId", accountId).param("meetingId", meetingId)
                .param("joinUrl", joinUrl).param("password", password).param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
