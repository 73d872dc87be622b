package com.videolinks.alert;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

@Repository
class JdbcBusinessAlerts implements BusinessAlerts {

    private static final String OPEN_SAME = """
            select id from business_alert
            where site_id = :siteId and code = :code and acknowledged_at is null
              and account_id = :accountId
            order by id fetch first 1 rows only
            """;
    private static final String INSERT = """
            insert into business_alert (site_id, code, message, account_id, raised_at)
            values (:siteId, :code, :message, :accountId, :now)
            """;
    private static final String ADD_SESSION = """
            insert into business_alert_session (alert_id, session_id)
            select :alertId, :sessionId where not exists
                (select 1 from business_alert_session where alert_id = :alertId and session_id = :sessionId)
            """;
    private static final String COLUMNS = "id, site_id, code, message, account_id, raised_at, acknowledged_at";
    private static final String BY_ID = "select " + COLUMNS + " from business_alert where id = :id";
    private static final String BY_SITE = "select " + COLUMNS + " from business_alert where site_id = :siteId order by raised_at desc, id desc";
    private static final String SESSIONS = "select session_id from business_alert_session where alert_id = :id order by session_id";
    private static final String ACKNOWLEDGE = "update business_alert set acknowledged_at = :now where id = :id and acknowledged_at is null";

    private final JdbcClient jdbc;
    private final Clock clock;

    JdbcBusinessAlerts(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public BusinessAlert raise(long siteId, String code, String message, Long accountId, List<Long> sessionIds) {
        // an account-less alert (a deleted meeting) is one per event; account alerts merge while open
        Optional<Long> open = accountId == null ? Optional.empty()
                : jdbc.sql(OPEN_SAME).param("siteId", siteId).param("code", code).param("accountId", accountId)
                        .query(Long.class).optional();
        long id = open.orElseGet(() -> {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql(INSERT).param("siteId", siteId).param("code", code).param("message", truncate(message))
                    .param("accountId", accountId).param("now", Timestamp.from(clock.instant())).update(key, "id");
            return key.getKey().longValue();
        });
        for (Long sessionId : sessionIds) {
            jdbc.sql(ADD_SESSION).param("alertId", id).param("sessionId", sessionId).update();
        }
        return find(id).orElseThrow();
    }

    @Override
    public List<BusinessAlert> ofSite(long siteId) {
        return jdbc.sql(BY_SITE).param("siteId", siteId).query((rs, i) -> rs.getLong("id")).list().stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    @Override
    public Optional<BusinessAlert> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query((rs, i) -> {
            Timestamp acknowledged = rs.getTimestamp("acknowledged_at");
            return new BusinessAlert(rs.getLong("id"), rs.getLong("site_id"), rs.getString("code"),
                    rs.getString("message"), rs.getObject("account_id", Long.class),
                    jdbc.sql(SESSIONS).param("id", id).query(Long.class).list(),
                    rs.getTimestamp("raised_at").toInstant(), acknowledged == null ? null : acknowledged.toInstant());
        }).optional();
    }

    @Override
    public void acknowledge(long id) {
        jdbc.sql(ACKNOWLEDGE).param("id", id).param("now", Timestamp.from(clock.instant())).update();
    }

    private static String truncate(String message) {
        return message.length() <= 1000 ? message : message.substring(0, 997) + "...";
    }
}
