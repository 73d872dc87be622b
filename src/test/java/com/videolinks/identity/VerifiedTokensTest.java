package com.videolinks.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.videolinks.support.MutableClock;

/**
 * A token's signature is verified once per exact token string; expiry and the issuer's published keys are still
 * checked on every use (#9, docs/adr-015-link-request-cost.md).
 */
class VerifiedTokensTest {

    static final String ISSUER = "https://host.example.com";
    static final String AUDIENCE = "videolinks-app";

    final MutableClock clock = new MutableClock();
    final RSAKey key = newKey("k1");
    final AtomicReference<JWKSet> published = new AtomicReference<>(new JWKSet(key.toPublicJWK()));
    final JWKSource<SecurityContext> keys = (selector, context) -> selector.select(published.get());
    final TokenChecks checks = new TokenChecks(ISSUER, AUDIENCE, Duration.ofSeconds(30), clock);
    final AtomicInteger verifications = new AtomicInteger();
    final VerifiedTokens tokens = new VerifiedTokens(counting(fullVerification()), checks, keys, clock);

    @Test
    void aTokenUsedAgainIsNotVerifiedAgainAndNamesTheSameClaims() {
        String token = sign(key, Instant.now().plusSeconds(600));

        Jwt first = tokens.decode(token);
        Jwt second = tokens.decode(token);

        assertThat(verifications).hasValue(1);
        assertThat(second.getSubject()).isEqualTo("mina").isEqualTo(first.getSubject());
        assertThat(second.getTokenValue()).isEqualTo(token);
    }

    @Test
    void aTokenSeenBeforeIsRefusedOnceItExpiresWithTheSameErrorAsANewOne() {
        String token = sign(key, Instant.now().plusSeconds(60));
        tokens.decode(token);

        clock.advance(Duration.ofSeconds(120));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .satisfies(e -> assertThat(((JwtValidationException) e).getErrors())
                        .anySatisfy(error -> assertThat(error.getErrorCode()).isEqualTo("token-expired")));
        assertThat(verifications).hasValue(2);
    }

    @Test
    void aTokenSeenBeforeStopsWorkingWhenItsKeyIsRemovedFromTheIssuersKeys() {
        RSAKey next = newKey("k2");
        String token = sign(key, Instant.now().plusSeconds(600));
        tokens.decode(token);

        published.set(new JWKSet(next.toPublicJWK()));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aTokenSeenBeforeStopsWorkingWhenItsKeyIdNowNamesAnotherKey() {
        RSAKey impostor = newKey("k1");
        String token = sign(key, Instant.now().plusSeconds(600));
        tokens.decode(token);

        published.set(new JWKSet(impostor.toPublicJWK()));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(BadJwtException.class);
    }

    @Test
    void aFixedKeyTokenIsVerifiedOnceAndItsExpiryStillChecked() {
        VerifiedTokens fixed = new VerifiedTokens(counting(fullVerification()), checks, null, clock);
        String token = sign(key, Instant.now().plusSeconds(60));

        fixed.decode(token);
        fixed.decode(token);
        assertThat(verifications).hasValue(1);

        clock.advance(Duration.ofMinutes(5));
        assertThatThrownBy(() -> fixed.decode(token)).isInstanceOf(JwtValidationException.class);
    }

    @Test
    void aTamperedCopyOfAVerifiedTokenIsVerifiedOnItsOwnAndRefused() {
        String token = sign(key, Instant.now().plusSeconds(600));
        tokens.decode(token);
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 4) + "AAAA";

        assertThatThrownBy(() -> tokens.decode(tampered)).isInstanceOf(BadJwtException.class);
        assertThat(verifications).hasValue(2);
    }

    private JwtDecoder fullVerification() {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, keys));
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(checks);
        return decoder;
    }

    private JwtDecoder counting(JwtDecoder decoder) {
        return token -> {
            verifications.incrementAndGet();
            return decoder.decode(token);
        };
    }

    private String sign(RSAKey with, Instant expires) {
        try {
            JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(List.of(AUDIENCE)).subject("mina")
                    .issueTime(new Date()).expirationTime(Date.from(expires)).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String id) {
        try {
            return new RSAKeyGenerator(2048).keyID(id).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
