package com.videolinks.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;

@Repository
class JdbcSessions implements Sessions {

    private static final String INSERT = """
            insert into session (service_id, staff_id, starts_at, ends_at, online, manual_link, capacity)
            values (:serviceId, :staffId, :startsAt, :endsAt, :online, 'NONE', :capacity)
            """;
    private static final String COLUMNS = """
            id, service_id, staff_id, starts_at, ends_at, online, manual_link,
            manual_link_url, manual_link_password, manual_link_description, cancelled, link_version, capacity
            """;
    private static final String BY_ID = "select " + COLUMNS + " from session where id = :id";
    private static final String BY_IDS = "select " + COLUMNS + " from session where id in (:ids)";
    private static final String BY_ID_FOR_UPDATE = BY_ID + " for update";
    private static final String BY_SERVICE = "select " + COLUMNS + " from session where service_id = :serviceId order by starts_at, id";
    private static final String BY_HOST_ID = """
            select s.id from session s join service v on v.id = s.service_id
            where v.site_id = :siteId and s.host_id = :hostId
            """;
    private static final String SET_HOST_ID = "update session set host_id = :hostId where id = :id";
    private static final String COUNT_BY_SERVICE = "select count(*) from session where service_id = :serviceId";
    private static final String CHANGE_MANUAL_LINK = """
            update session set manual_link = :manualLink, manual_link_url = :url,
                               manual_link_password = :password, manual_link_description = :description,
                               link_version = link_version + 1
            where id = :id
            """;

    private static final String RESCHEDULE = "update session set starts_at = :startsAt, ends_at = :endsAt where id = :id";
    private static final String CANCEL = "update session set cancelled = true where id = :id";
    private static final String CHANGE_ONLINE = "update session set online = :online where id = :id";
    // sessions whose link an account gives (online, no link added or removed by hand), not over and not cancelled
    private static final String UPCOMING_OF_SITE = """
            select s.id from session s join service v on v.id = s.service_id
            where v.site_id = :siteId and s.cancelled = false and s.online = true and s.manual_link = 'NONE'
              and s.ends_at > :now
            order by s.starts_at, s.id
            """;
    private static final String NOT_OVER_OF_SITE = """
            select s.id from session s join service v on v.id = s.service_id
            where v.site_id = :siteId and s.cancelled = false and s.ends_at > :now
            order by s.starts_at, s.id
            """;
    private static final String UPCOMING_OF_STAFF = """
            select s.id from session s join service v on v.id = s.service_id
            where s.staff_id = :staffId and v.kind <> 'COURSE' and s.cancelled = false and s.online = true
              and s.manual_link = 'NONE' and s.ends_at > :now
            order by s.starts_at, s.id
            """;

    private static final String UPCOMING_WHERE = """
            where v.site_id = :siteId and s.cancelled = false and s.online = true
              and s.manual_link in ('NONE', 'ZOOM_ADDED') and s.ends_at > :now
            """;
    private static final String UPCOMING_OF_STAFF_WHERE = " and s.staff_id = :staffId and v.kind <> 'COURSE'";
    private static final String UPCOMING_PAGE = "select s.id from session s join service v on v.id = s.service_id "
            + UPCOMING_WHERE + " and s.id > :afterId %s order by s.id limit :limit";
    private static final String COUNT_UPCOMING = "select count(*) from session s join service v on v.id = s.service_id "
            + UPCOMING_WHERE + " %s";

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    JdbcSessions(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public Session create(long serviceId, Long staffId, Instant startsAt, Instant endsAt, boolean online, int capacity) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("serviceId", serviceId).param("staffId", staffId)
                .param("startsAt", Timestamp.from(startsAt)).param("endsAt", Timestamp.from(endsAt))
                .param("online", online).param("capacity", capacity).update(key, "id");
        return get(key.getKey().longValue());
    }

    @Override
    public Optional<Session> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(this::map).optional();
    }

    @Override
    public List<Session> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(this::map).list();
    }

    @Override
    public Optional<Session> findForUpdate(long id) {
        return jdbc.sql(BY_ID_FOR_UPDATE).param("id", id).query(this::map).optional();
    }

    @Override
    public List<Session> ofService(long serviceId) {
        return jdbc.sql(BY_SERVICE).param("serviceId", serviceId).query(this::map).list();
    }

    @Override
    public Optional<Session> findByHostId(long siteId, String hostId) {
        return jdbc.sql(BY_HOST_ID).param("siteId", siteId).param("hostId", hostId).query(Long.class).optional()
                .flatMap(this::find);
    }

    @Override
    public void setHostId(long sessionId, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", sessionId).param("hostId", hostId).update();
    }

    @Override
    public int countOfService(long serviceId) {
        return jdbc.sql(COUNT_BY_SERVICE).param("serviceId", serviceId).query(Integer.class).single();
    }

    @Override
    public void changeManualLink(long sessionId, ManualLink manualLink, Link link) {
        jdbc.sql(CHANGE_MANUAL_LINK).param("id", sessionId).param("manualLink", manualLink.name())
                .param("url", link == null ? null : link.url())
                .param("password", link == null ? null : secrets.seal(link.password(), SecretPurpose.LINK_PASSWORD))
                .param("description", link == null ? null : link.description())
                .update();
    }

    @Override
    public void reschedule(long sessionId, Instant startsAt, Instant endsAt) {
        jdbc.sql(RESCHEDULE).param("id", sessionId).param("startsAt", Timestamp.from(startsAt))
                .param("endsAt", Timestamp.from(endsAt)).update();
    }

    @Override
    public void cancel(long sessionId) {
        jdbc.sql(CANCEL).param("id", sessionId).update();
    }

    @Override
    public void changeOnline(long sessionId, boolean online) {
        jdbc.sql(CHANGE_ONLINE).param("id", sessionId).param("online", online).update();
    }

    @Override
    public List<Long> notOverOfSite(long siteId, Instant now) {
        return jdbc.sql(NOT_OVER_OF_SITE).param("siteId", siteId).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    @Override
    public List<Long> upcomingOfSite(long siteId, Instant now) {
        return jdbc.sql(UPCOMING_OF_SITE).param("siteId", siteId).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    @Override
    public List<Long> upcomingOfStaff(long staffId, Instant now) {
        return jdbc.sql(UPCOMING_OF_STAFF).param("staffId", staffId).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    @Override
    public List<Long> upcomingPage(long siteId, Long staffId, Instant now, long afterId, int limit) {
        var query = jdbc.sql(UPCOMING_PAGE.formatted(staffId == null ? "" : UPCOMING_OF_STAFF_WHERE))
                .param("siteId", siteId).param("now", Timestamp.from(now)).param("afterId", afterId)
                .param("limit", limit);
        return (staffId == null ? query : query.param("staffId", staffId)).query(Long.class).list();
    }

    @Override
    public long countUpcoming(long siteId, Long staffId, Instant now) {
        var query = jdbc.sql(COUNT_UPCOMING.formatted(staffId == null ? "" : UPCOMING_OF_STAFF_WHERE))
                .param("siteId", siteId).param("now", Timestamp.from(now));
        return (staffId == null ? query : query.param("staffId", staffId)).query(Long.class).single();
    }

    private Session map(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("manual_link_url");
        Link link = url == null ? null
                : new Link(url, secrets.open(rs.getString("manual_link_password"), SecretPurpose.LINK_PASSWORD),
                        rs.getString("manual_link_description"));
        return new Session(rs.getLong("id"), rs.getLong("service_id"), rs.getObject("staff_id", Long.class),
                rs.getTimestamp("starts_at").toInstant(), rs.getTimestamp("ends_at").toInstant(),
                rs.getBoolean("online"), ManualLink.valueOf(rs.getString("manual_link")), link,
                rs.getBoolean("cancelled"), rs.getInt("link_version"), rs.getInt("capacity"));
    }
}
