package com.videolinks.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What every token must satisfy, local or the host's: the expected issuer and audience, an expiry, not used before
 * its not-before or after its expiry (with a small clock skew). Each failure carries the problem code the 401 names.
 */
final class TokenChecks implements OAuth2TokenValidator<Jwt> {

    private final String issuer;
    private final String audience;
    private final Duration skew;
    private final Clock clock;

    TokenChecks(String issuer, String audience, Duration skew, Clock clock) {
        this.issuer = issuer;
        this.audience = audience;
        this.skew = skew;
        this.clock = clock;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Instant now = clock.instant();
        if (!issuer.equals(jwt.getClaimAsString("iss"))) {
            return failure("token-wrong-issuer", "the token's issuer is not " + issuer);
        }
        if (audience != null && !audience.isBlank() && (jwt.getAudience() == null || !jwt.getAudience().contains(audience))) {
            return failure("token-wrong-audience", "the token is not meant for audience " + audience);
        }
        if (jwt.getExpiresAt() == null) {
            return failure("token-without-expiry", "the token has no expiry (exp)");
        }
        if (now.minus(skew).isAfter(jwt.getExpiresAt())) {
            return failure("token-expired", "the token expired at " + jwt.getExpiresAt());
        }
        if (jwt.getNotBefore() != null && now.plus(skew).isBefore(jwt.getNotBefore())) {
            return failure("token-not-yet-valid", "the token is not valid before " + jwt.getNotBefore());
        }
        return OAuth2TokenValidatorResult.success();
    }

    private static OAuth2TokenValidatorResult failure(String code, String description) {
        return OAuth2TokenValidatorResult.failure(List.of(new OAuth2Error(code, description, null)));
    }
}
