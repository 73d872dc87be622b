package com.videolinks.conferencing.zoom;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.site.Sites;

/**
 * Connecting Zoom with Zoom's OAuth authorization-code flow (S8, S12, S16): {@link #start} hands out Zoom's
 * authorize URL with a fresh state and PKCE challenge; {@link #complete} checks the state (single use, same user,
 * not expired), exchanges the code with the PKCE verifier, asks Zoom who signed in, stores the encrypted tokens and
 * only then makes the account the site's default or the staff member's own.
 */
@Service
@NamedInterface("zoom")
public class ZoomConnectFlow {

    /** Where to send the browser next. */
    @NamedInterface("zoom")
    public record Authorization(URI authorizeUrl, Instant expiresAt) {
    }

    private static final Logger log = LoggerFactory.getLogger(ZoomConnectFlow.class);
    private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

    private final ZoomProperties properties;
    private final ZoomOAuthClient oauth;
    private final ZoomHttp http;
    private final ZoomAuthorizations authorizations;
    private final ZoomCredentials credentials;
    private final AccountConnections connections;
    private final Sites sites;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final SecureRandom random = new SecureRandom();

    ZoomConnectFlow(ZoomProperties properties, ZoomOAuthClient oauth, ZoomHttp http, ZoomAuthorizations authorizations,
                    ZoomCredentials credentials, AccountConnections connections, Sites sites, Clock clock,
                    PlatformTransactionManager transactions) {
        this.properties = properties;
        this.oauth = oauth;
        this.http = http;
        this.authorizations = authorizations;
        this.credentials = credentials;
        this.connections = connections;
        this.sites = sites;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Starts connecting the site's default Zoom account (S8). */
    public Authorization startDefault(long siteId, String username) {
        requireConfigured();
        sites.get(siteId);
        return start(siteId, null, username);
    }

    /** Starts connecting a staff member's own Zoom account, if the policy allows it now (S12, S15, S16). */
    public Authorization startStaff(long staffId, String username, boolean bySelf) {
        requireConfigured();
        long siteId = connections.requireStaffMayConnect(staffId, bySelf).siteId();
        return start(siteId, staffId, username);
    }

    private Authorization start(long siteId, Long staffId, String username) {
        String state = randomToken();
        String verifier = randomToken();
        Instant expiresAt = clock.instant().plus(properties.authorizationTtl());
        transaction.executeWithoutResult(status -> authorizations.save(
                new ZoomAuthorizations.Pending(state, verifier, siteId, staffId, username, expiresAt)));
        return new Authorization(oauth.authorizeUrl(state, challenge(verifier)), expiresAt);
    }

    /**
     * Zoom sent the browser back. {@code error} is Zoom's refusal (the user said no). The signed-in user must be the
     * one who started, so a link to someone else's sign-in cannot attach their Zoom to a site (login CSRF).
     */
    public ConferencingAccount complete(String code, String state, String error, String username, boolean staffBySelf) {
        requireConfigured();
        if (state == null || state.isBlank()) {
            throw new InvalidInputException("state", "is required");
        }
        ZoomAuthorizations.Pending pending = transaction.execute(status -> authorizations.take(state))
                .orElseThrow(() -> new InvalidInputException("state",
                        "is unknown, already used or expired; start connecting Zoom again"));
        if (!pending.requestedBy().equals(username)) {
            throw new AccessDeniedException("this Zoom sign-in was started by another user");
        }
        if (error != null && !error.isBlank()) {
            throw new ConflictException("zoom-authorization-denied", "Zoom did not authorize the connection (" + error
                    + "); nothing was connected");
        }
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("code", "is required");
        }
        TokenGrant grant = oauth.exchange(code, pending.codeVerifier());
        ZoomUser user = http.me(grant.accessToken());
        ConferencingAccount account = transaction.execute(status -> {
            ConferencingAccount connected = pending.staffId() == null
                    ? connections.connectZoomDefault(pending.siteId(), user.email())
                    : connections.connectZoomStaff(pending.staffId(), user.email(), staffBySelf);
            credentials.store(connected.id(), grant);
            return connected;
        });
        // the Zoom user's email is personal data: the account id finds it for whoever may see it (#11)
        log.info("Site {} connected a Zoom user as {} (account {})", pending.siteId(),
                pending.staffId() == null ? "its default account" : "staff member " + pending.staffId() + "'s account",
                account.id());
        return account;
    }

    private void requireConfigured() {
        if (!properties.configured()) {
            throw ZoomNotConfigured.exception();
        }
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return URL_SAFE.encodeToString(bytes);
    }

    /** PKCE S256: base64url(SHA-256(verifier)). */
    static String challenge(String verifier) {
        try {
            return URL_SAFE.encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
