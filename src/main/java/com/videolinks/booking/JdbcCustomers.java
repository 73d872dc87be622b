package com.videolinks.booking;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcCustomers implements Customers {

    private static final String INSERT = """
            insert into customer (site_id, name, email, locale, time_zone)
            values (:siteId, :name, :email, :locale, :timeZone)
            """;
    private static final String BY_ID = "select id, site_id, name, email, locale, time_zone from customer where id = :id";

    private final JdbcClient jdbc;

    JdbcCustomers(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        return jdbc.sql(BY_ID).param("id", id)
                .query((rs, i) -> new Customer(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"),
                        rs.getString("email"), Locale.forLanguageTag(rs.getString("locale")),
                        ZoneId.of(rs.getString("time_zone"))))
                .optional();
    }
}
