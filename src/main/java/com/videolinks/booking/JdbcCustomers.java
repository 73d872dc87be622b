package com.videolinks.booking;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.security.CustomerSites;

@Repository
class JdbcCustomers implements Customers, CustomerSites {

    private static final String INSERT = """
            insert into customer (site_id, name, email, locale, time_zone)
            values (:siteId, :name, :email, :locale, :timeZone)
            """;
    private static final String COLUMNS = "id, site_id, name, email, locale, time_zone";
    private static final String BY_ID = "select " + COLUMNS + " from customer where id = :id";
    private static final String BY_HOST_ID = "select " + COLUMNS + " from customer where site_id = :siteId and host_id = :hostId";
    private static final String SET_HOST_ID = "update customer set host_id = :hostId where id = :id";

    private static final String UPDATE = """
            update customer set name = :name, email = :email, locale = :locale, time_zone = :timeZone where id = :id
            """;
    private static final String ERASE = """
            update customer set name = 'Erased customer', email = concat('erased-customer-', id, '@erased.invalid'),
                                erased_at = :at
            where id = :id
            """;
    private static final String IDS_OF_SITE = "select id from customer where site_id = :siteId order by id";

    private static final String SITE_OF_CUSTOMER = "select site_id from customer where id = :id";

    private final JdbcClient jdbc;

    JdbcCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Long> siteOfCustomer(long customerId) {
        return jdbc.sql(SITE_OF_CUSTOMER).param("id", customerId).query(Long.class).optional();
    }

    @Override
    public Customer create(long siteId, String name, String email, Locale locale, ZoneId timeZone) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("siteId", siteId).param("name", name).param("email", email)
                .param("locale", locale.toLanguageTag()).param("timeZone", timeZone.getId()).update(key, "id");
        return get(key.getKey().longValue());
    }

    @Override
    public Optional<Customer> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(JdbcCustomers::map).optional();
    }

    @Override
    public Optional<Customer> findByHostId(long siteId, String hostId) {
        return jdbc.sql(BY_HOST_ID).param("siteId", siteId).param("hostId", hostId).query(JdbcCustomers::map).optional();
    }

    @Override
    public void setHostId(long customerId, String hostId) {
        jdbc.sql(SET_HOST_ID).param("id", customerId).param("hostId", hostId).update();
    }

    @Override
    public void update(long customerId, String name, String email, Locale locale, ZoneId timeZone) {
        jdbc.sql(UPDATE).param("id", customerId).param("name", name).param("email", email)
                .param("locale", locale.toLanguageTag()).param("timeZone", timeZone.getId()).update();
    }

    @Override
    public void erasePersonalData(long customerId, java.time.Instant at) {
        jdbc.sql(ERASE).param("id", customerId).param("at", java.sql.Timestamp.from(at)).update();
    }

    @Override
    public java.util.List<Long> idsOfSite(long siteId) {
        return jdbc.sql(IDS_OF_SITE).param("siteId", siteId).query(Long.class).list();
    }

    private static Customer map(ResultSet rs, int row) throws SQLException {
        return new Customer(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("email"),
                Locale.forLanguageTag(rs.getString("locale")), ZoneId.of(rs.getString("time_zone")));
    }
}
