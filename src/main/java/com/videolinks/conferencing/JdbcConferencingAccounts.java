package com.videolinks.conferencing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Provider;

@Repository
class JdbcConferencingAccounts implements ConferencingAccounts {

    private static final String INSERT = """
            insert into conferencing_account (site_id, staff_id, provider, connected, zoom_user,
                                              link_url, link_password, link_description, changed_at)
            values (:siteId, :staffId, :provider, true, :zoomUser, :url, :password, :description, :now)
            """;
    private static final String BY_ID = """
            select id, site_id, staff_id, provider, connected, zoom_user, link_url, link_password,
                   link_description, changed_at, disconnect_reason
            from conferencing_account where id = :id
            """;    private static final String BY_IDS = """
            select id, site_id, staff_id, provider, connected, zoom_user, link_url, link_password,
                   link_description, changed_at, disconnect_reason
            from conferencing_account where id in (:ids)
            """;
    private static final String DISCONNECT = """
            update conferencing_account set connected = false, changed_at = :now where id = :id
            """;
    private static final String MARK_DISCONNECTED = """
            update conferencing_account set connected = false, disconnect_reason = :reason, changed_at = :now
            where id = :id and connected = true
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecretBox secrets;

    JdbcConferencingAccounts(JdbcClient jdbc, Clock clock, SecretBox secrets) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.secrets = secrets;
    }

    @Override
    public ConferencingAccount connect(long siteId, Long staffId, Provider provider, String zoomUser, Link link) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql(INSERT).param("siteId", siteId).param("staffId", staffId).param("provider", provider.name())
                .param("zoomUser", zoomUser)
                .param("url", link == null ? null : link.url())
                .param("password", link == null ? null : secrets.seal(link.password(), SecretPurpose.LINK_PASSWORD))
                .param("description", link == null ? null : link.description())
                .param("now", Timestamp.from(clock.instant()))
                .update(key, "id");
        return find(key.getKey().longValue()).orElseThrow();
    }

    @Override
    public Optional<ConferencingAccount> find(long id) {
        return jdbc.sql(BY_ID).param("id", id).query(this::map).optional();
    }

    @Override
    public List<ConferencingAccount> findAll(java.util.Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : jdbc.sql(BY_IDS).param("ids", List.copyOf(ids)).query(this::map).list();
    }

    @Override
    public void disconnect(long id) {
        jdbc.sql(DISCONNECT).param("id", id).param("now", Timestamp.from(clock.instant())).update();
    }

    @Override
    public boolean markDisconnected(long id, String reason) {
        return jdbc.sql(MARK_DISCONNECTED).param("id", id).param("reason", reason)
                .param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    private ConferencingAccount map(ResultSet rs, int row) throws SQLException {
        String url = rs.getString("link_url");
        Link link = url == null ? null
                : new Link(url, secrets.open(rs.getString("link_password"), SecretPurpose.LINK_PASSWORD),
                        rs.getString("link_description"));
        Instant changedAt = rs.getTimestamp("changed_at").toInstant();
        return new ConferencingAccount(rs.getLong("id"), rs.getLong("site_id"), rs.getObject("staff_id", Long.class),
                Provider.valueOf(rs.getString("provider")), rs.getBoolean("connected"), rs.getString("zoom_user"),
                link, changedAt, rs.getString("disconnect_reason"));
    }
}
