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

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.catalog.ServiceSummary;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.ServiceKind;

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
    // a site's sessions are those of its services: the catalog names them (ServiceOfferings.idsOfSite), this
    // feature reads only its own table
    private static final String BY_HOST_ID = """
            select id from session where service_id in (:serviceIds) and host_id = :hostId
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
    private static final String UPCOMING_OF_SERVICES = """
            select id from session
            where service_id in (:serviceIds) and cancelled = false and online = true and manual_link = 'NONE'
              and ends_at > :now
            order by starts_at, id
            """;
    private static final String NOT_OVER_OF_SERVICES = """
            select id from session
            where service_id in (:serviceIds) and cancelled = false and ends_at > :now
            order by starts_at, id
            """;
    private static final String UPCOMING_OF_STAFF = """
            select id, service_id from session
            where staff_id = :staffId and cancelled = false and online = true and manual_link = 'NONE' and ends_at > :now
            order by starts_at, id
            """;
    private static final String UPCOMING_WHERE = """
            where service_id in (:serviceIds) and cancelled = false and online = true
              and manual_link in ('NONE', 'ZOOM_ADDED') and ends_at > :now
            """;
    private static final String UPCOMING_OF_STAFF_WHERE = " and staff_id = :staffId";
    private static final String UPCOMING_PAGE = "select id from session " + UPCOMING_WHERE
            + " and id > :afterId %s order by id limit :limit";
    private static final String COUNT_UPCOMING = "select count(*) from session " + UPCOMING_WHERE + " %s";
    private static final String IDS_OF_SERVICE = """
            select id from session where service_id = :serviceId %s order by starts_at, id
            """;
    private static final String NOT_OVER_PAGE = """
            select id from session where cancelled = false and ends_at > :now and id > :afterId order by id limit :limit
            """;
    private static final String OF_SERVICES_AMONG = "select id from session where id in (:ids) and service_id in (:serviceIds)";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final ServiceOfferings services;

    JdbcSessions(JdbcClient jdbc, SecretBox secrets, ServiceOfferings services) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.services = services;
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
        List<Long> serviceIds = services.idsOfSite(siteId, true);
        return serviceIds.isEmpty() ? Optional.empty()
                : jdbc.sql(BY_HOST_ID).param("serviceIds", serviceIds).param("hostId", hostId).query(Long.class).optional()
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
        return ofSiteServices(siteId, true, NOT_OVER_OF_SERVICES, now);
    }

    @Override
    public List<Long> upcomingOfSite(long siteId, Instant now) {
        return ofSiteServices(siteId, true, UPCOMING_OF_SERVICES, now);
    }

    private List<Long> ofSiteServices(long siteId, boolean withCourses, String sql, Instant now) {
        List<Long> serviceIds = services.idsOfSite(siteId, withCourses);
        return serviceIds.isEmpty() ? List.of()
                : jdbc.sql(sql).param("serviceIds", serviceIds).param("now", Timestamp.from(now)).query(Long.class).list();
    }

    @Override
    public List<Long> upcomingOfStaff(long staffId, Instant now) {
        record Row(long id, long serviceId) {
        }
        List<Row> rows = jdbc.sql(UPCOMING_OF_STAFF).param("staffId", staffId).param("now", Timestamp.from(now))
                .query((rs, n) -> new Row(rs.getLong("id"), rs.getLong("service_id"))).list();
        java.util.Set<Long> courses = services.summaries(rows.stream().map(Row::serviceId).distinct().toList()).stream()
                .filter(service -> service.kind() == ServiceKind.COURSE).map(ServiceSummary::id)
                .collect(java.util.stream.Collectors.toSet());
        return rows.stream().filter(row -> !courses.contains(row.serviceId())).map(Row::id).toList();
    }

    @Override
    public List<Long> upcomingPage(long siteId, Long staffId, Instant now, long afterId, int limit) {
        List<Long> serviceIds = services.idsOfSite(siteId, staffId == null);
        if (serviceIds.isEmpty()) {
            return List.of();
        }
        var query = jdbc.sql(UPCOMING_PAGE.formatted(staffId == null ? "" : UPCOMING_OF_STAFF_WHERE))
                .param("serviceIds", serviceIds).param("now", Timestamp.from(now)).param("afterId", afterId)
                .param("limit", limit);
        return (staffId == null ? query : query.param("staffId", staffId)).query(Long.class).list();
    }

    @Override
    public long countUpcoming(long siteId, Long staffId, Instant now) {
        List<Long> serviceIds = services.idsOfSite(siteId, staffId == null);
        if (serviceIds.isEmpty()) {
            return 0;
        }
        var query = jdbc.sql(COUNT_UPCOMING.formatted(staffId == null ? "" : UPCOMING_OF_STAFF_WHERE))
                .param("serviceIds", serviceIds).param("now", Timestamp.from(now));
        return (staffId == null ? query : query.param("staffId", staffId)).query(Long.class).single();
    }

    @Override
    public List<Long> idsOfService(long serviceId, boolean withCancelled) {
        return jdbc.sql(IDS_OF_SERVICE.formatted(withCancelled ? "" : "and cancelled = false"))
                .param("serviceId", serviceId).query(Long.class).list();
    }

    @Override
    public List<Long> notOverPage(Instant now, long afterId, int limit) {
        return jdbc.sql(NOT_OVER_PAGE).param("now", Timestamp.from(now)).param("afterId", afterId).param("limit", limit)
                .query(Long.class).list();
    }

    @Override
    public java.util.Set<Long> ofSiteAmong(long siteId, java.util.Collection<Long> sessionIds) {
        List<Long> serviceIds = sessionIds.isEmpty() ? List.of() : services.idsOfSite(siteId, true);
        return serviceIds.isEmpty() ? java.util.Set.of() : java.util.Set.copyOf(jdbc.sql(OF_SERVICES_AMONG)
                .param("ids", List.copyOf(sessionIds)).param("serviceIds", serviceIds).query(Long.class).list());
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
