package com.videolinks.conferencing.zoom;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;

/** Zoom sign-ins in progress, by state: single use, short-lived, the PKCE verifier encrypted. */
@Component
class ZoomAuthorizations {

    /** Who asked to connect which account, and the PKCE verifier that proves the callback belongs to this start. */
    record Pending(String state, String codeVerifier, long siteId, Long staffId, String requestedBy, Instant expiresAt) {

        @Override
        public String toString() {
            return "Pending[site=" + siteId + ", staff=" + staffId + ", by=" + requestedBy + ", expiresAt=" + expiresAt + "]";
        }
    }

    private static final String INSERT = """
            insert into zoom_authorization (state, code_verifier, site_id, staff_id, requested_by, expires_at)
            values (:state, :verifier, :siteId, :staffId, :requestedBy, :expiresAt)
            """;
    private static final String BY_STATE = """
            select state, code_verifier, site_id, staff_id, requested_by, expires_at from zoom_authorization
            where state = :state
            """;
    private static final String DELETE = "delete from zoom_authorization where state = :state";
    private static final String DELETE_EXPIRED = "delete from zoom_authorization where expires_at < :now";

    private final JdbcClient jdbc;
    private final SecretBox secrets;
    private final Clock clock;

    ZoomAuthorizations(JdbcClient jdbc, SecretBox secrets, Clock clock) {
        this.jdbc = jdbc;
        this.secrets = secrets;
        this.clock = clock;
    }

    void save(Pending pending) {
        jdbc.sql(DELETE_EXPIRED).param("now", Timestamp.from(clock.instant())).update();
        jdbc.sql(INSERT).param("state", pending.state())
                .param("verifier", secrets.seal(pending.codeVerifier(), SecretPurpose.PKCE_VERIFIER))
                .param("siteId", pending.siteId()).param("staffId", pending.staffId())
                .param("requestedBy", pending.requestedBy()).param("expiresAt", Timestamp.from(pending.expiresAt()))
                .update();
    }

    /** Removes and returns the sign-in of this state if it has not expired: a state works once. */
    Optional<Pending> take(String state) {
        Optional<Pending> pending = jdbc.sql(BY_STATE).param("state", state).query((rs, i) -> new Pending(
                rs.getString("state"), secrets.open(rs.getString("code_verifier"), SecretPurpose.PKCE_VERIFIER),
                rs.getLong("site_id"), rs.getObject("staff_id", Long.class), rs.getString("requested_by"),
                rs.getTimestamp("expires_at").toInstant())).optional();
        if (pending.isEmpty() || jdbc.sql(DELETE).param("state", state).update() != 1) {
            return Optional.empty(); // unknown, or taken by a concurrent callback
        }
        return pending.filter(p -> p.expiresAt().isAfter(clock.instant()));
    }
}
