package com.videolinks.conferencing.zoom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;

@Repository
class JdbcZoomCredentials implements ZoomCredentials {

    private static final String INSERT = """
            insert into zoom_credential (account_id, access_token, refresh_token, expires_at, version, refreshed_at)
            values (:accountId, :access, :refresh, :expiresAt, 0, :now)
            """;
    private static final String BY_ACCOUNT = """
            select account_id, access_token, refresh_token, expires_at, version, refresh_uncertain_since
            from zoom_credential
            where account_id = :accountId
            """;
    // one statement: both tokens, the expiry and the version change together or not at all
    private static final String ROTATE = """
            update zoom_credential set access_token = :access, refresh_token = :refresh, expires_at = :expiresAt,
                                       version = version + 1, refreshed_at = :now, refresh_claimed_until = null,
                                       refresh_uncertain_since = null
            where account_id = :accountId and version = :expected
            """;
    private static final String CLAIM = """
            update zoom_credential set refresh_claimed_until = :until
            where account_id = :accountId and version = :version
              and (refresh_claimed_until is null or refresh_claimed_until < :now)
            """;
    private static final String RELEASE = """
            update zoom_credential set refresh_claimed_until = null where account_id = :accountId and version = :version
            """;

    private static final String MARK_UNCERTAIN = """
            update zoom_credential set refresh_uncertain_since = :since, refresh_claimed_until = null
            where account_id = :accountId and version = :version and refresh_uncertain_since is null
            """;

    private static final String DELETE = "delete from zoom_credential where account_id = :accountId";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    JdbcZoomCredentials(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    @Override
    public void store(long accountId, TokenGrant grant) {
        jdbc.sql(INSERT).param("accountId", accountId)
                .param("access", secrets.seal(grant.accessToken(), SecretPurpose.ZOOM_ACCESS_TOKEN))
                .param("refresh", secrets.seal(grant.refreshToken(), SecretPurpose.ZOOM_REFRESH_TOKEN))
                .param("expiresAt", Timestamp.from(grant.expiresAt())).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    @Override
    public Optional<ZoomCredential> find(long accountId) {
        return jdbc.sql(BY_ACCOUNT).param("accountId", accountId).query((rs, i) -> new ZoomCredential(
                rs.getLong("account_id"),
                secrets.open(rs.getString("access_token"), SecretPurpose.ZOOM_ACCESS_TOKEN),
                secrets.open(rs.getString("refresh_token"), SecretPurpose.ZOOM_REFRESH_TOKEN),
                rs.getTimestamp("expires_at").toInstant(), rs.getLong("version"),
                rs.getTimestamp("refresh_uncertain_since") == null ? null
                        : rs.getTimestamp("refresh_uncertain_since").toInstant())).optional();
    }

    @Override
    public boolean claimRefresh(long accountId, long version, Instant until) {
        return jdbc.sql(CLAIM).param("accountId", accountId).param("version", version)
                .param("until", Timestamp.from(until)).param("now", Timestamp.from(clock.instant())).update() == 1;
    }

    @Override
    public void releaseClaim(long accountId, long version) {
        jdbc.sql(RELEASE).param("accountId", accountId).param("version", version).update();
    }

    @Override
    public boolean markRefreshUncertain(long accountId, long version, Instant since) {
        return jdbc.sql(MARK_UNCERTAIN).param("accountId", accountId).param("version", version)
                .param("since", Timestamp.from(since)).update() == 1;
    }

    @Override
    public boolean rotate(long accountId, long expectedVersion, TokenGrant grant) {
        return jdbc.sql(ROTATE).param("accountId", accountId).param("expected", expectedVersion)
                .param("access", secrets.seal(grant.accessToken(), SecretPurpose.ZOOM_ACCESS_TOKEN))
                .param("refresh", secrets.seal(grant.refreshToken(), SecretPurpose.ZOOM_REFRESH_TOKEN))
                .param("expiresAt", Timestamp.from(grant.expiresAt())).param("now", Timestamp.from(clock.instant()))
                .update() == 1;
    }

    @Override
    public void delete(long accountId) {
        jdbc.sql(DELETE).param("accountId", accountId).update();
    }
}
