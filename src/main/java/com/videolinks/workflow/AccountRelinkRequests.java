package com.videolinks.workflow;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The account changes that started an {@code account-relink} run, one row each: which run a newer change supersedes
 * (a default-account change supersedes every older run of the site; a staff account change, the older runs of that
 * staff member).
 */
@Component
class AccountRelinkRequests {

    private static final String INSERT = """
            insert into account_relink (site_id, staff_id, account_id, connected, requested_at)
            values (:siteId, :staffId, :accountId, :connected, :at)
            """;
    private static final String NEWER_OF_SITE = """
            select id from account_relink where site_id = :siteId and id > :id and staff_id is null
            order by id desc limit 1
            """;
    private static final String NEWER_OF_STAFF = """
            select id from account_relink
            where site_id = :siteId and id > :id and (staff_id is null or staff_id = :staffId)
            order by id desc limit 1
            """;

    private final JdbcClient jdbc;

    AccountRelinkRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long record(long siteId, Long staffId, long accountId, boolean connected, Instant at) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("siteId", siteId).param("staffId", staffId).param("accountId", accountId)
                .param("connected", connected).param("at", Timestamp.from(at)).update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    /** The newest change that makes run {@code id} needless, if one came after it. */
    Optional<Long> supersededBy(long id, long siteId, Long staffId) {
        var query = staffId == null ? jdbc.sql(NEWER_OF_SITE) : jdbc.sql(NEWER_OF_STAFF).param("staffId", staffId);
        return query.param("siteId", siteId).param("id", id).query(Long.class).optional();
    }
}
