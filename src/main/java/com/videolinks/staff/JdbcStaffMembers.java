package com.videolinks.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.security.StaffSites;

@Repository
class JdbcStaffMembers implements StaffMembers, StaffSites {

    private static final String INSERT = """
            insert into staff (site_id, name, email, locale) values (:siteId, :name, :email, :locale)
            """;
    private static final String BY_ID = "select id, site_id, name, email, account_id, locale from staff where id = :id";
    private static final String BY_IDS = "select id, site_id, name, email, account_id, locale from staff where id in (:ids)";
    private static final String BY_SITE = """
            select id, site_id, name, email, account_id, locale from staff where site_id = :siteId and removed_at is null order by id
            """;
    private static final String EVER_OF_SITE = "select id, site_id, name, email, account_id, locale from staff where site_id = :siteId order by id";
    private static final String UPDATE = "update staff set name = :name, email = :email, locale = :locale where id = :id";
    private static final String MARK_REMOVED = "update staff set removed_at = :at where id = :id";
    private static final String ERASE = """
            update staff set name = 'Erased staff member', email = concat('erased-staff-', id, '@erased.invalid')
            where id = :id
            """;
    private static final String BY_HOST_ID = """
            select id, site_id, name, email, account_id, locale from staff where site_id = :siteId and host_id = :hostId
            """;
    private static final String SET_HOST_ID = "update staff set host_id = :hostId where id = :id";
    private static final String SET_ACCOUNT = "update staff set account_id = :account where id = :id";

    private static final String SITE_OF_STAFF = "select site_id from staff where id = :id";

    private final JdbcClient jdbc;

    JdbcStaffMembers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> siteOfStaff(long staffId) {
        return jdbc.sql(SITE_OF_STAFF).param("id", staffId).query(Long.class).optional();
    }

    @Override
    public Staff create(long siteId, String name, String email, Locale locale) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("siteId", siteId).param("name", name).param("email", email).param("locale", tag(locale))
                .update(key, "id");
        return get(key.getKey().longValue());
    }

    @Override
    public Optional<Staff> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcStaffMembers::map).optional();
    }

    @Override
    public List<Staff> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of()
                : jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(JdbcStaffMembers::map).list();
    }

    @Override
    public Optional<Staff> findByHostId(long siteId, String hostId) {
        return jdbc.sql(BY_HOST_ID).param("siteId", siteId).param("hostId", hostId).query(JdbcStaffMembers::map).optional();
    }

    @Override
    public void setHostId(long staffId, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", staffId).param("hostId", hostId).update();
    }

    @Override
    public List<Staff> ofSite(long siteId) {
        return jdbc.sql(BY_SITE).param("siteId", siteId).query(JdbcStaffMembers::map).list();
    }

    @Override
    public void setAccount(long staffId, Long accountId) {
        jdbc.sql(SET_ACCOUNT).param("id", staffId).param("account", accountId).update();
    }

    @Override
    public List<Staff> everOfSite(long siteId) {
        return jdbc.sql(EVER_OF_SITE).param("siteId", siteId).query(JdbcStaffMembers::map).list();
    }

    @Override
    public void update(long staffId, String name, String email, Locale locale) {
        jdbc.sql(UPDATE).param("id", staffId).param("name", name).param("email", email).param("locale", tag(locale))
                .update();
    }

    private static String tag(Locale locale) {
        return locale == null ? null : locale.toLanguageTag();
    }

    @Override
    public void markRemoved(long staffId, java.time.Instant at) {
        jdbc.sql(MARK_REMOVED).param("id", staffId).param("at", java.sql.Timestamp.from(at)).update();
    }

    @Override
    public void erasePersonalData(long staffId) {
        jdbc.sql(ERASE).param("id", staffId).update();
    }

    private static Staff map(ResultSet rs, int row) throws SQLException {
        return new Staff(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("email"),
                rs.getObject("account_id", Long.class),
                rs.getString("locale") == null ? null : Locale.forLanguageTag(rs.getString("locale")));
    }
}
