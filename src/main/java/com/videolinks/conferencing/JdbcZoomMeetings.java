package com.videolinks.conferencing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

@Repository
class JdbcZoomMeetings implements ZoomMeetings {

    private static final String COLUMNS = """
            session_id, account_id, meeting_id, join_url, password, starts_at, duration_minutes, topic, needs_refresh
            """;
    private static final String LATEST = """
            select session_id, account_id, join_url, password from zoom_meeting
            where session_id = :sessionId and needs_refresh = false order by created_at desc
            limit 1
            """;
    private static final String OF_SESSIONS = """
            select session_id, account_id, join_url, password from zoom_meeting
            where session_id in (:sessionIds) and needs_refresh = false order by session_id, created_at desc
            """;
    private static final String INSERT = """
            insert into zoom_meeting (session_id, account_id, meeting_id, join_url, password, created_at,
                                      starts_at, duration_minutes, topic, needs_refresh)
            values (:sessionId, :accountId, :meetingId, :joinUrl, :password, :now,
                    :startsAt, :duration, :topic, false)
            """;
    private static final String OF_SESSION = "select " + COLUMNS + " from zoom_meeting where session_id = :sessionId order by created_at";
    private static final String BY_MEETING_ID = "select " + COLUMNS + " from zoom_meeting where meeting_id = :meetingId";
    private static final String UPDATE_SCHEDULE = """
            update zoom_meeting set starts_at = :startsAt, duration_minutes = :duration, topic = :topic
            where session_id = :sessionId and account_id = :accountId
            """;
    private static final String REFRESHED = """
            update zoom_meeting set join_url = :joinUrl, password = :password, needs_refresh = false
            where session_id = :sessionId and account_id = :accountId
            """;
    private static final String NEEDS_REFRESH = """
            update zoom_meeting set needs_refresh = true where session_id = :sessionId and account_id = :accountId
            """;
    private static final String REMOVE = "delete from zoom_meeting where session_id = :sessionId and account_id = :accountId";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretBox secrets;

    JdbcZoomMeetings(JdbcClient jdbc, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public Optional<ZoomMeetingFact> latestFor(long sessionId) {
        return jdbc.sql(LATEST).param("sessionId", sessionId)
                .query((rs, i) -> new ZoomMeetingFact(rs.getLong("session_id"), rs.getLong("account_id"),
                        new Link(rs.getString("join_url"), password(rs), null)))
                .optional();
    }

    @Override
    public java.util.Map<Long, ZoomMeetingFact> latestFor(java.util.Collection<Long> sessionIds) {
        java.util.Map<Long, ZoomMeetingFact> latest = new java.util.HashMap<>();
        if (sessionIds.isEmpty()) {
            return latest;
        }
        jdbc.sql(OF_SESSIONS).param("sessionIds", List.copyOf(sessionIds))
                .query((rs, i) -> new ZoomMeetingFact(rs.getLong("session_id"), rs.getLong("account_id"),
                        new Link(rs.getString("join_url"), password(rs), null)))
                .list().forEach(meeting -> latest.putIfAbsent(meeting.sessionId(), meeting));
        return latest;
    }

    @Override
    public void record(long sessionId, long accountId, String meetingId, String joinUrl, String password) {
        recordCreated(new ZoomMeeting(sessionId, accountId, meetingId, joinUrl, password, null, null, null, false));
    }

    @Override
    public void recordCreated(ZoomMeeting meeting) {
        jdbc.sql(INSERT).param("sessionId", meeting.sessionId()).param("accountId", meeting.accountId())
                .param("meetingId", meeting.meetingId()).param("joinUrl", meeting.joinUrl())
                .param("password", secrets.seal(meeting.password(), SecretPurpose.MEETING_PASSWORD))
                .param("now", Timestamp.from(clock.instant()))
                .param("startsAt", meeting.startsAt() == null ? null : Timestamp.from(meeting.startsAt()))
                .param("duration", meeting.durationMinutes()).param("topic", meeting.topic())
                .update();
    }

    @Override
    public List<ZoomMeeting> ofSession(long sessionId) {
        return jdbc.sql(OF_SESSION).param("sessionId", sessionId).query(this::map).list();
    }

    @Override
    public Optional<ZoomMeeting> findByMeetingId(String meetingId) {
        return jdbc.sql(BY_MEETING_ID).param("meetingId", meetingId).query(this::map).optional();
    }

    @Override
    public void updateSchedule(long sessionId, long accountId, Instant startsAt, int durationMinutes, String topic) {
        jdbc.sql(UPDATE_SCHEDULE).param("sessionId", sessionId).param("accountId", accountId)
                .param("startsAt", Timestamp.from(startsAt)).param("duration", durationMinutes).param("topic", topic)
                .update();
    }

    @Override
    public void refreshed(long sessionId, long accountId, String joinUrl, String password) {
        jdbc.sql(REFRESHED).param("sessionId", sessionId).param("accountId", accountId).param("joinUrl", joinUrl)
                .param("password", secrets.seal(password, SecretPurpose.MEETING_PASSWORD)).update();
    }

    @Override
    public void markNeedsRefresh(long sessionId, long accountId) {
        jdbc.sql(NEEDS_REFRESH).param("sessionId", sessionId).param("accountId", accountId).update();
    }

    @Override
    public void remove(long sessionId, long accountId) {
        jdbc.sql(REMOVE).param("sessionId", sessionId).param("accountId", accountId).update();
    }

    private ZoomMeeting map(ResultSet rs, int row) throws SQLException {
        Timestamp startsAt = rs.getTimestamp("starts_at");
        return new ZoomMeeting(rs.getLong("session_id"), rs.getLong("account_id"), rs.getString("meeting_id"),
                rs.getString("join_url"), password(rs), startsAt == null ? null : startsAt.toInstant(),
                rs.getObject("duration_minutes", Integer.class), rs.getString("topic"), rs.getBoolean("needs_refresh"));
    }

    private String password(ResultSet rs) throws SQLException {
        return secrets.open(rs.getString("password"), SecretPurpose.MEETING_PASSWORD);
    }
}
