package com.videolinks.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A stand-in for the host platform's identity (issue #9): keys generated here, their public halves served as a JWKS
 * by an in-process WireMock, tokens signed with Nimbus. One for the test run. Register it in a Spring test with
 * {@code @DynamicPropertySource static void host(DynamicPropertyRegistry r) { HostIssuer.shared().register(r); }}, map
 * host ids with {@code Sites.setHostId}/{@code StaffMembers.setHostId}/{@code Customers.setHostId}, then e.g.
 * {@code mvc.perform(get(...).with(Tokens.bearer(host.owner("site-1"))))}.
 */
public final class HostIssuer {

    public static final String ISSUER = "https://host.example.com";
    public static final String AUDIENCE = "videolinks-app";

    private static HostIssuer shared;

    private final WireMockServer server;
    private final RSAKey rsa;
    private final ECKey ec;
    private final List<JWK> published = new ArrayList<>();

    private HostIssuer() {
        try {
            rsa = new RSAKeyGenerator(2048).keyID("host-rsa-1").generate();
            ec = new ECKeyGenerator(Curve.P_256).keyID("host-ec-1").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server = new WireMockServer(options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        publish(rsa, ec);
    }

    public static synchronized HostIssuer shared() {
        if (shared == null) {
            shared = new HostIssuer();
        }
        return shared;
    }

    /** The service's settings for this host; a short JWKS cache so tests see a removed key go within seconds. */
    public void register(DynamicPropertyRegistry registry) {
        registry.add("videolinks.identity.host.issuer", () -> ISSUER);
        registry.add("videolinks.identity.host.audience", () -> AUDIENCE);
        registry.add("videolinks.identity.host.jwk-set-uri", this::jwksUrl);
        registry.add("videolinks.identity.host.jwks-cache-for", () -> "2s");
        registry.add("videolinks.identity.host.jwks-min-refresh-interval", () -> "10ms");
        registry.add("videolinks.identity.host.claims.role", () -> "https://host.example.com/role");
        registry.add("videolinks.identity.host.claims.sites", () -> "site_ids");
        registry.add("videolinks.identity.host.claims.staff", () -> "member_id");
        registry.add("videolinks.identity.host.claims.customer", () -> "contact_id");
    }

    public String jwksUrl() {
        return server.baseUrl() + "/.well-known/jwks.json";
    }

    /** Serves exactly these keys' public halves from now on. */
    public synchronized void publish(JWK... keys) {
        published.clear();
        published.addAll(List.of(keys));
        List<JWK> publicKeys = published.stream().map(JWK::toPublicJWK).toList();
        server.stubFor(get(urlEqualTo("/.well-known/jwks.json")).willReturn(okJson(new JWKSet(publicKeys).toString())));
    }

    public RSAKey rsaKey() {
        return rsa;
    }

    public ECKey ecKey() {
        return ec;
    }

    public static RSAKey newRsaKey(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String owner(String... hostSites) {
        return token().role("owner").sites(hostSites).sign();
    }

    public String staff(String hostSite, String hostStaff) {
        return token().role("staff").sites(hostSite).claim("member_id", hostStaff).sign();
    }

    public String customer(String hostSite, String hostCustomer) {
        return token().role("customer").sites(hostSite).claim("contact_id", hostCustomer).sign();
    }

    public String operator() {
        return token().role("operator").sign();
    }

    /** A valid token to change before signing: 5 minutes, this issuer and audience, the RSA key. */
    public Token token() {
        return new Token();
    }

    /** A token being built. */
    public final class Token {
        private final JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).audience(AUDIENCE)
                .subject("host-user-" + UUID.randomUUID()).issueTime(new Date()).jwtID(UUID.randomUUID().toString())
                .expirationTime(Date.from(Instant.now().plus(Duration.ofMinutes(5))));
        private JWK key = rsa;

        public Token role(String role) {
            claims.claim("https://host.example.com/role", role);
            return this;
        }

        public Token sites(String... hostSites) {
            claims.claim("site_ids", List.of(hostSites));
            return this;
        }

        public Token claim(String name, Object value) {
            claims.claim(name, value);
            return this;
        }

        public Token issuer(String issuer) {
            claims.issuer(issuer);
            return this;
        }

        public Token audience(String audience) {
            claims.audience(audience);
            return this;
        }

        public Token expiresAt(Instant at) {
            claims.expirationTime(Date.from(at)).issueTime(Date.from(at.minus(Duration.ofMinutes(5))));
            return this;
        }

        public Token notBefore(Instant at) {
            claims.notBeforeTime(Date.from(at));
            return this;
        }

        public Token signedWith(JWK other) {
            key = other;
            return this;
        }

        public JWTClaimsSet claims() {
            return claims.build();
        }

        public String sign() {
            try {
                JWSAlgorithm alg = key instanceof ECKey ? JWSAlgorithm.ES256 : JWSAlgorithm.RS256;
                JWSSigner signer = key instanceof ECKey e ? new ECDSASigner(e) : new RSASSASigner((RSAKey) key);
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).build(), claims.build());
                jwt.sign(signer);
                return jwt.serialize();
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The claims as a map, for hand-made tokens (alg none, HS256). */
    public static Map<String, Object> json(JWTClaimsSet claims) {
        return claims.toJSONObject();
    }
}
