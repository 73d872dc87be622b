package com.videolinks.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ServiceKind;

@Repository
class JdbcServiceOfferings implements ServiceOfferings {

    private static final String INSERT = """
            insert into service (site_id, name, kind, online) values (:siteId, :name, :kind, :online)
            """;
    private static final String COLUMNS = """
            id, site_id, name, kind, online, course_link_url, course_link_password,
            course_link_description, course_link_version
            """;
    private static final String BY_ID = "select " + COLUMNS + " from service where id = :id";
    private static final String BY_SITE = "select " + COLUMNS
            + " from service where site_id = :siteId and deleted_at is null order by id";
    private static final String BY_IDS = "select " + COLUMNS + " from service where id in (:ids) order by id";
    private static final String IDS_OF_SITE = "select id from service where site_id = :siteId order by id";
    private static final String NON_COURSE_IDS_OF_SITE = """
            select id from service where site_id = :siteId and kind <> 'COURSE' order by id
            """;
    private static final String BY_HOST_ID = "select " + COLUMNS + " from service where site_id = :siteId and host_id = :hostId";
    private static final String SET_HOST_ID = "update service set host_id = :hostId where id = :id";
    private static final String UPDATE = "update service set name = :name, kind = :kind, online = :online where id = :id";
    private static final String MARK_DELETED = "update service set deleted_at = :at where id = :id";
    private static final String UNASSIGN_STAFF = "delete from service_staff where staff_id = :staffId";
    private static final String UNASSIGN_STAFF_OF_SITE = """
            delete from service_staff where staff_id = :staffId
              and service_id in (select id from service where site_id = :siteId)
            """;
    private static final String STAFF_OF = """
            select service_id, staff_id from service_staff where service_id in (:ids) order by service_id, staff_id
            """;
    private static final String UNASSIGN_ALL = "delete from service_staff where service_id = :id";
    private static final String ASSIGN = "insert into service_staff (service_id, staff_id) values (:id, :staffId)";
    private static final String CHANGE_COURSE_LINK = """
            update service set course_link_url = :url, course_link_password = :password,
                               course_link_description = :description,
                               course_link_version = course_link_version + 1
            where id = :id
            """;

    private final JdbcClient jdbc;
    private final SecretBox secrets;

    JdbcServiceOfferings(JdbcClient jdbc, SecretBox secrets) {
        this.jdbc = jdbc;
        this.secrets = secrets;
    }

    @Override
    public ServiceOffering create(long siteId, String name, ServiceKind kind, boolean online) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("siteId", siteId).param("name", name).param("kind", kind.name())
                .param("online", online).update(key, "id");
        return get(key.getKey().longValue());
    }

    @Override
    public Optional<ServiceOffering> find(long id) {
        return withStaff(jdbc.sql(BY_ID).param("id", id).query(this::map).list()).stream().findFirst();
    }

    @Override
    public List<ServiceOffering> ofSite(long siteId) {
        return withStaff(jdbc.sql(BY_SITE).param("siteId", siteId).query(this::map).list());
    }

    @Override
    public List<ServiceOffering> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : withStaff(jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(this::map).list());
    }

    @Override
    public List<ServiceSummary> summaries(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(this::map).list().stream()
                        .map(ServiceOffering::summary).toList();
    }

    @Override
    public List<Long> idsOfSite(long siteId, boolean withCourses) {
        return jdbc.sql(withCourses ? IDS_OF_SITE : NON_COURSE_IDS_OF_SITE).param("siteId", siteId).query(Long.class).list();
    }

    /** The assigned staff of all the services in one query (a query per row inside the row mapper was N+1). */
    private List<ServiceOffering> withStaff(List<ServiceOffering> services) {
        if (services.isEmpty()) {
            return services;
        }
        java.util.Map<Long, List<Long>> staff = new java.util.HashMap<>();
        jdbc.sql(STAFF_OF).param("ids", services.stream().map(ServiceOffering::id).toList())
                .query((rs, i) -> java.util.Map.entry(rs.getLong("service_id"), rs.getLong("staff_id"))).list()
                .forEach(e -> staff.computeIfAbsent(e.getKey(), k -> new java.util.ArrayList<>()).add(e.getValue()));
        return services.stream().map(s -> new ServiceOffering(s.id(), s.siteId(), s.name(), s.kind(), s.online(),
                s.courseLink(), s.courseLinkVersion(), staff.getOrDefault(s.id(), List.of()))).toList();
    }

    @Override
    public void assignStaff(long serviceId, List<Long> staffIds) {
        jdbc.sql(UNASSIGN_ALL).param("id", serviceId).update();
        for (Long staffId : staffIds.stream().distinct().toList()) {
            jdbc.sql(ASSIGN).param("id", serviceId).param("staffId", staffId).update();
        }
    }

    @Override
    public Optional<ServiceOffering> findByHostId(long siteId, String hostId) {
        return withStaff(jdbc.sql(BY_HOST_ID).param("siteId", siteId).param("hostId", hostId).query(this::map).list())
                .stream().findFirst();
    }

    @Override
    public void setHostId(long serviceId, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", serviceId).param("hostId", hostId).update();
    }

    @Override
    public void update(long serviceId, String name, ServiceKind kind, boolean online) {
        jdbc.sql(UPDATE).param("id", serviceId).param("name", name).param("kind", kind.name()).param("online", online)
                .update();
    }

    @Override
    public void assignServicesOfStaff(long staffId, long siteId, List<Long> serviceIds) {
        jdbc.sql(UNASSIGN_STAFF_OF_SITE).param("staffId", staffId).param("siteId", siteId).update();
        for (Long serviceId : serviceIds.stream().distinct().toList()) {
            jdbc.sql(ASSIGN).param("id", serviceId).param("staffId", staffId).update();
        }
    }

    @Override
    public void unassignEverywhere(long staffId) {
        jdbc.sql(UNASSIGN_STAFF).param("staffId", staffId).update();
    }

    @Override
    public void markDeleted(long serviceId, java.time.Instant at) {
        jdbc.sql(MARK_DELETED).param("id", serviceId).param("at", java.sql.Timestamp.from(at)).update();
    }

    @Override
    public void changeCourseLink(long serviceId, Link link) {
        jdbc.sql(CHANGE_COURSE_LINK).param("id", serviceId)
                .param("url", link == null ? null : link.url())
                .param("password", link == null ? null : secrets.seal(link.password(), SecretPurpose.LINK_PASSWORD))
                .param("description", link == null ? null : link.description())
                .update();
    }

    private ServiceOffering map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        String url = rs.getString("course_link_url");
        Link courseLink = url == null ? null
                : new Link(url, secrets.open(rs.getString("course_link_password"), SecretPurpose.LINK_PASSWORD),
                        rs.getString("course_link_description"));
        return new ServiceOffering(id, rs.getLong("site_id"), rs.getString("name"),
                ServiceKind.valueOf(rs.getString("kind")), rs.getBoolean("online"), courseLink,
                rs.getInt("course_link_version"), List.of());
    }
}
