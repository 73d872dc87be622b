package com.videolinks.conferencing.zoom;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health} component "zoom": whether Zoom's API and OAuth hosts accept a connection. Unreachable is
 * DEGRADED — HTTP 200, custom links keep working and meeting jobs retry, then wait as Cockpit incidents — never DOWN.
 * Zoom not configured is UP with {@code configured: false}. Checked at most every 30 s (a TCP connect with the
 * configured connect timeout, at most 2 s); no request reaches Zoom's API, so no rate limit is spent.
 */
@Component("zoom")
class ZoomHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "Zoom cannot be reached; meeting jobs retry");
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);
    private static final Duration MAX_CONNECT = Duration.ofSeconds(2);

    private final ZoomProperties properties;
    private final Clock clock;
    private volatile Checked last;

    ZoomHealthIndicator(ZoomProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    private record Checked(Instant at, String error) {
    }

    @Override
    public Health health() {
        if (!properties.configured()) {
            return Health.up().withDetail("configured", false).build();
        }
        Checked checked = check();
        Health.Builder health = checked.error() == null ? Health.up()
                : Health.status(DEGRADED).withDetail("error", checked.error());
        return health.withDetail("configured", true).withDetail("api", properties.apiBaseUrl().toString())
                .withDetail("checkedAt", checked.at().toString()).build();
    }

    private Checked check() {
        Checked previous = last;
        Instant now = clock.instant();
        if (previous != null && previous.at().plus(RECHECK_AFTER).isAfter(now)) {
            return previous;
        }
        String error = connect(properties.apiBaseUrl());
        if (error == null) {
            error = connect(properties.oauthBaseUrl());
        }
        Checked checked = new Checked(now, error);
        last = checked;
        return checked;
    }

    private String connect(URI url) {
        int port = url.getPort() > 0 ? url.getPort() : "http".equals(url.getScheme()) ? 80 : 443;
        Duration timeout = properties.connectTimeout().compareTo(MAX_CONNECT) < 0 ? properties.connectTimeout() : MAX_CONNECT;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(url.getHost(), port), (int) timeout.toMillis());
            return null;
        } catch (IOException e) {
            return url.getHost() + ":" + port + " unreachable: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }
}
