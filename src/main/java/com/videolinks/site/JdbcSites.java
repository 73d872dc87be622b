package com.videolinks.site;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.security.SiteOwners;

import com.videolinks.policy.vocabulary.Plan;

@Repository
class JdbcSites implements Sites, SiteOwners {

    private static final String COLUMNS = """
            id, name, owner_username, plan, time_zone, staff_self_service,
            link_in_confirmation_email, link_on_my_bookings, link_on_member_pages, default_account_id, contact_email
            """;
    private static final String INSERT = """
            insert into site (name, owner_username, plan, time_zone, staff_self_service,
                              link_in_confirmation_email, link_on_my_bookings, link_on_member_pages)
            values (:name, :owner, :plan, :timeZone, :selfService, :email, :myBookings, :memberPages)
            """;
    private static final String BY_ID = "select " + COLUMNS + " from site where id = :id";
    private static final String BY_IDS = "select " + COLUMNS + " from site where id in (:ids)";
    private static final String BY_HOST_ID = "select " + COLUMNS + " from site where host_id = :hostId";
    private static final String SET_HOST_ID = "update site set host_id = :hostId where id = :id";
    private static final String BY_OWNER = "select " + COLUMNS + " from site where owner_username = :owner order by id";
    private static final String ALL = "select " + COLUMNS + " from site order by id";
    private static final String UPDATE_PLAN = "update site set plan = :plan where id = :id";
    private static final String UPDATE_VISIBILITY = """
            update site set link_in_confirmation_email = :email, link_on_my_bookings = :myBookings,
                            link_on_member_pages = :memberPages
            where id = :id
            """;
    private static final String UPDATE_SELF_SERVICE = "update site set staff_self_service = :enabled where id = :id";
    private static final String UPDATE_CONTACT = "update site set contact_email = :email where id = :id";
    private static final String UPDATE_DEFAULT = "update site set default_account_id = :account where id = :id";

    private static final String OWNER = "select owner_username from site where id = :id";

    private final JdbcClient jdbc;

    JdbcSites(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> ownerOf(long siteId) {
        return jdbc.sql(OWNER).param("id", siteId).query(String.class).optional();
    }

    @Override
    public Site create(String name, String ownerUsername, Plan plan, ZoneId timeZone, boolean staffSelfService,
                       Visibility visibility) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("name", name).param("owner", ownerUsername).param("plan", plan.name())
                .param("timeZone", timeZone.getId()).param("selfService", staffSelfService)
                .param("email", visibility.confirmationEmail()).param("myBookings", visibility.myBookings())
                .param("memberPages", visibility.memberPages())
                .update(key, "id");
        return get(key.getKey().longValue());
    }

    @Override
    public Optional<Site> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcSites::map).optional();
    }

    @Override
    public List<Site> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(JdbcSites::map).list();
    }

    @Override
    public Optional<Site> findByHostId(String hostId) {
        return jdbc.sql(BY_HOST_ID).param("hostId", hostId).query(JdbcSites::map).optional();
    }

    @Override
    public void setHostId(long id, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", id).param("hostId", hostId).update();
    }

    @Override
    public List<Site> ownedBy(String ownerUsername) {
        return jdbc.sql(BY_OWNER).param("owner", ownerUsername).query(JdbcSites::map).list();
    }

    @Override
    public List<Site> all() {
        return jdbc.sql(ALL).query(JdbcSites::map).list();
    }

    @Override
    public void changePlan(long id, Plan plan) {
        jdbc.sql(UPDATE_PLAN).param("id", id).param("plan", plan.name()).update();
    }

    @Override
    public void changeVisibility(long id, Visibility visibility) {
        jdbc.sql(UPDATE_VISIBILITY).param("id", id).param("email", visibility.confirmationEmail())
                .param("myBookings", visibility.myBookings()).param("memberPages", visibility.memberPages()).update();
    }

    @Override
    public void changeStaffSelfService(long id, boolean enabled) {
        jdbc.sql(UPDATE_SELF_SERVICE).param("id", id).param("enabled", enabled).update();
    }

    @Override
    public void setDefaultAccount(long id, long accountId) {
        jdbc.sql(UPDATE_DEFAULT).param("id", id).param("account", accountId).update();
    }

    @Override
    public void changeContactEmail(long id, String email) {
        jdbc.sql(UPDATE_CONTACT).param("id", id).param("email", email).update();
    }

    private static Site map(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getLong("id"), rs.getString("name"), rs.getString("owner_username"),
                Plan.valueOf(rs.getString("plan")), ZoneId.of(rs.getString("time_zone")),
                rs.getBoolean("staff_self_service"),
                new Visibility(rs.getBoolean("link_in_confirmation_email"), rs.getBoolean("link_on_my_bookings"),
                        rs.getBoolean("link_on_member_pages")),
                rs.getObject("default_account_id", Long.class), rs.getString("contact_email"));
    }
}
