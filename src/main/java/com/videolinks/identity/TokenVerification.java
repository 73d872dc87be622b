package com.videolinks.identity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.nio.file.Files;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationProvider;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.videolinks.booking.Customers;
import com.videolinks.security.IdentityProperties;
import com.videolinks.security.LocalIssuer;
import com.videolinks.security.TokenRefusedException;
import com.videolinks.site.Sites;
import com.videolinks.staff.StaffMembers;

/**
 * One resource-server path for every token: Spring Security picks the trusted issuer from the token's {@code iss}
 * (this service's own, or the host's) and verifies signature, issuer, audience, expiry and not-before against that
 * issuer's keys. The host's keys come from its JWKS URL (cached; a token with an unknown key id refetches the set, so
 * a rotated key works without a restart) or from a fixed public key. Only RS256 and ES256 are accepted. A token string
 * accepted before skips what cannot change for it — the issuer it names and its signature — and nothing else
 * ({@link RememberedIssuers}, {@link VerifiedTokens}).
 */
@Configuration
@EnableConfigurationProperties(IdentityProperties.class)
class TokenVerification {

    private static final Logger log = LoggerFactory.getLogger(TokenVerification.class);
    private static final Set<JWSAlgorithm> HOST_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.ES256);

    @Bean
    AuthenticationManagerResolver<HttpServletRequest> tokenAuthentication(IdentityProperties properties, LocalIssuer local, Clock clock,
                                                               Sites sites, StaffMembers staff, Customers customers) {
        Map<String, AuthenticationManager> byIssuer = new HashMap<>();
        JwtDecoder localDecoder = local.decoder();
        TokenChecks localChecks = new TokenChecks(local.issuer(), local.audience(), properties.host().clockSkew(), clock);
        ((NimbusJwtDecoder) localDecoder).setJwtValidator(localChecks);
        // the local key is fixed for the life of the process: a token's signature is checked on its first use
        byIssuer.put(local.issuer(), manager(new VerifiedTokens(localDecoder, localChecks, null, clock), new LocalClaims()));

        IdentityProperties.Host host = properties.host();
        if (host.enabled()) {
            JWKSource<SecurityContext> hostKeys = keys(host);
            NimbusJwtDecoder hostDecoder = new NimbusJwtDecoder(processor(hostKeys));
            TokenChecks hostChecks = new TokenChecks(host.issuer(), host.audience(), host.clockSkew(), clock);
            hostDecoder.setJwtValidator(hostChecks);
            // the host's keys rotate: a token seen before is taken again only while its keys are still published
            byIssuer.put(host.issuer(), manager(new VerifiedTokens(guarded(hostDecoder), hostChecks, hostKeys, clock),
                    new HostClaims(host.claims(), sites, staff, customers)));
            log.info("Accepting the host's tokens from issuer {} (keys: {})", host.issuer(),
                    host.jwkSetUri() != null ? host.jwkSetUri() : host.publicKey());
        }
        return new RememberedIssuers(byIssuer);
    }

    /**
     * A key id we could not look up because the JWKS refetch is rate-limited is an unknown key (401), not a server
     * error; the host's JWKS unreachable is a 503 naming it, so the host retries instead of signing in again.
     */
    private static JwtDecoder guarded(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (BadJwtException e) {
                throw e;
            } catch (JwtException e) {
                if (e.getCause() instanceof RateLimitReachedException) {
                    throw new BadJwtException("Signed JWT rejected: no key with this id (the host's key set was refetched just now)", e);
                }
                log.warn("Cannot fetch the host's keys (JWKS): {}", e.getMessage());
                throw TokenRefusedException.unavailable("host-keys-unavailable",
                        "the host's signing keys cannot be fetched right now; try again shortly");
            }
        };
    }

    private static AuthenticationManager manager(JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> claims) {
        JwtAuthenticationProvider provider = new JwtAuthenticationProvider(decoder);
        provider.setJwtAuthenticationConverter(claims);
        return provider::authenticate;
    }

    private static DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(HOST_ALGORITHMS, keys));
        // issuer, audience and times are checked by TokenChecks, with problem codes
        processor.setJWTClaimsSetVerifier((claims, context) -> { });
        return processor;
    }

    private static JWKSource<SecurityContext> keys(IdentityProperties.Host host) {
        if (host.jwkSetUri() != null) {
            try {
                long cacheFor = host.jwksCacheFor().toMillis();
                return JWKSourceBuilder.<SecurityContext>create(host.jwkSetUri().toURL(), new DefaultResourceRetriever(5_000, 5_000, 512 * 1024))
                        .cache(cacheFor, Math.min(5_000, cacheFor / 2))
                        .refreshAheadCache(false)
                        .rateLimited(host.jwksMinRefreshInterval().toMillis())
                        .retrying(true)
                        .build();
            } catch (MalformedURLException e) {
                throw new IllegalStateException("videolinks.identity.host.jwk-set-uri is not a URL: " + host.jwkSetUri(), e);
            }
        }
        if (host.publicKey() != null) {
            try {
                JWK key = JWK.parseFromPEMEncodedObjects(Files.readString(host.publicKey()));
                return new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the host's public key " + host.publicKey(), e);
            } catch (JOSEException e) {
                throw new IllegalStateException("the host's public key " + host.publicKey() + " is not a PEM RSA or EC public key", e);
            }
        }
        throw new IllegalStateException("videolinks.identity.host.issuer is set: set jwk-set-uri or public-key too");
    }
}
