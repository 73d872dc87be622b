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
    private static final String BY_SITE = "select " + COLUMNS + " from service where site_id = :siteId order by id";
    private static final String BY_IDS = "select " + COLUMNS + " from service where id in (:ids) order by id";
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
