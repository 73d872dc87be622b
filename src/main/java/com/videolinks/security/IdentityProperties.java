package com.videolinks.security;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may sign in and how tokens are checked (issue #9): the service's own issuer for its local users, the host
 * platform's issuer, sign-in throttling and the first operator of a non-demo start.
 */
@ConfigurationProperties("videolinks.identity")
public record IdentityProperties(Local local, Host host, Throttle throttle, FirstOperator firstOperator) {

    /** The service as issuer for its own users (demo users, operators). */
    public record Local(@DefaultValue("videolinks") String issuer, @DefaultValue("videolinks") String audience,
                        @DefaultValue("30m") Duration tokenTtl, @DefaultValue("data/issuer-key.json") Path keyFile) {
    }

    /**
     * The host platform's tokens. Enabled when {@code issuer} is set; keys from {@code jwkSetUri} (rotation picked up:
     * an unknown key id refetches the set) or a fixed {@code publicKey} (PEM file).
     */
    public record Host(String issuer, String audience, URI jwkSetUri, Path publicKey,
                       @DefaultValue("30s") Duration clockSkew, @DefaultValue("5m") Duration jwksCacheFor,
                       @DefaultValue("30s") Duration jwksMinRefreshInterval, @DefaultValue Claims claims) {

        public boolean enabled() {
            return issuer != null && !issuer.isBlank();
        }
    }

    /** Names of the host's claims; every host names them differently. */
    public record Claims(@DefaultValue("role") String role, @DefaultValue("sites") String sites,
                         @DefaultValue("staff_id") String staff, @DefaultValue("customer_id") String customer) {
    }

    /** Wrong passwords: after {@code maxFailures} in a row for one user (or 4x that from one client), locked for {@code lockFor}. */
    public record Throttle(@DefaultValue("5") int maxFailures, @DefaultValue("20") int maxClientFailures,
                           @DefaultValue("5m") Duration lockFor) {
    }

    /** The first operator of a non-demo start: a username and a password from the environment or a file. */
    public record FirstOperator(@DefaultValue("operator") String username, String password, Path passwordFile) {
    }
}
