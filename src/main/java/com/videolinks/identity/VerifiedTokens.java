package com.videolinks.identity;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.SignedJWT;

/**
 * Verifies the signature of each exact token string once (docs/adr-015-link-request-cost.md): a client sends the same
 * token on every request until it expires, and checking an RSA signature is the largest part of what a bearer request
 * costs. A token seen before is answered from a bounded cache only if
 * <ul>
 * <li>the claim checks ({@link TokenChecks}: issuer, audience, expiry, not-before, with the clock) still pass — run
 * again on every use, so an expired token is refused exactly as before;</li>
 * <li>for keys from a JWKS: the keys the token's header selects are still exactly those the issuer publishes now (the
 * key set as cached by Nimbus, as for a fresh token) — a removed or replaced key stops a cached token as soon as it
 * would stop a new one.</li>
 * </ul>
 * Anything else (not seen, a check failing, the key set unreadable) goes through the full verification, which gives
 * the same answer and the same error as without this cache.
 */
final class VerifiedTokens implements JwtDecoder {

    static final int MAX_TOKENS = 10_000;
    /** How long an entry may stay at most, whatever its expiry says (memory only: expiry is checked at use). */
    private static final Duration LONGEST = Duration.ofHours(12);

    /** A verified token and, for JWKS keys, which keys verified it (null: the issuer's key is fixed). */
    private record Verified(Jwt jwt, JWKSelector selector, List<JWK> keys) {
    }

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> checks;
    private final JWKSource<SecurityContext> keys;
    private final Clock clock;
    private final Cache<String, Verified> seen;

    /**
     * @param verifying the full verification (signature and {@code checks})
     * @param keys      the issuer's key source, or null when its key is fixed for the life of the process
     */
    VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> checks, JWKSource<SecurityContext> keys, Clock clock) {
        this.verifying = verifying;
        this.checks = checks;
        this.keys = keys;
        this.clock = clock;
        this.seen = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfter(new UntilExpiry()).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Verified known = seen.getIfPresent(token);
        if (known != null) {
            if (keysUnchanged(known) && !checks.validate(known.jwt()).hasErrors()) {
                return known.jwt();
            }
            seen.invalidate(token);
        }
        Jwt jwt = verifying.decode(token);
        remember(token, jwt);
        return jwt;
    }

    private void remember(String token, Jwt jwt) {
        if (keys == null) {
            seen.put(token, new Verified(jwt, null, null));
            return;
        }
        try {
            JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(SignedJWT.parse(token).getHeader()));
            List<JWK> selected = keys.get(selector, null);
            if (!selected.isEmpty()) {
                seen.put(token, new Verified(jwt, selector, List.copyOf(selected)));
            }
        } catch (ParseException | KeySourceException notCached) {
            // verified, but nothing to compare the keys with later: the next use verifies it again
        }
    }

    private boolean keysUnchanged(Verified known) {
        if (known.selector() == null) {
            return true;
        }
        try {
            return keys.get(known.selector(), null).equals(known.keys());
        } catch (KeySourceException unreadable) {
            return false;
        }
    }

    /** Entries leave the cache when their token expires (plus a minute: the clock skew tolerance). */
    private final class UntilExpiry implements Expiry<String, Verified> {

        @Override
        public long expireAfterCreate(String token, Verified verified, long currentTime) {
            Instant expires = verified.jwt().getExpiresAt();
            Duration left = expires == null ? Duration.ZERO : Duration.between(clock.instant(), expires).plusMinutes(1);
            if (left.isNegative()) {
                return 0;
            }
            return (left.compareTo(LONGEST) > 0 ? LONGEST : left).toNanos();
        }

        @Override
        public long expireAfterUpdate(String token, Verified verified, long currentTime, long currentDuration) {
            return expireAfterCreate(token, verified, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified verified, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
