package com.videolinks.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Slows guessing: after {@code max-failures} wrong passwords in a row for one user, or {@code max-client-failures}
 * from one client address, sign-in for that user (or from that client) is locked for {@code lock-for}, even with
 * the right password. Counted in {@code videolinks.signin.attempts} (outcome: success, failure, locked); a lock is
 * logged at WARN. Per node: a cluster of N nodes allows N times as many guesses, still a handful per lock period.
 */
@Component
public class SignInThrottle {

    private static final Logger log = LoggerFactory.getLogger(SignInThrottle.class);
    private static final int MAX_TRACKED = 100_000;

    private final IdentityProperties.Throttle settings;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Failures> users = new ConcurrentHashMap<>();
    private final Map<String, Failures> clients = new ConcurrentHashMap<>();

    SignInThrottle(IdentityProperties properties, Clock clock, MeterRegistry meters) {
        this.settings = properties.throttle();
        this.clock = clock;
        this.meters = meters;
    }

    /** How long sign-in for this user from this client stays locked; zero when it is not. */
    public Duration lockedFor(String username, String client) {
        Instant now = clock.instant();
        Duration user = remaining(users.get(key(username)), settings.maxFailures(), now);
        Duration from = remaining(clients.get(client), settings.maxClientFailures(), now);
        Duration locked = user.compareTo(from) >= 0 ? user : from;
        if (!locked.isZero()) {
            meters.counter("videolinks.signin.attempts", "outcome", "locked").increment();
        }
        return locked;
    }

    public void failed(String username, String client) {
        Instant now = clock.instant();
        meters.counter("videolinks.signin.attempts", "outcome", "failure").increment();
        prune(now);
        int forUser = users.compute(key(username), (k, f) -> next(f, now)).count;
        int fromClient = clients.compute(client, (k, f) -> next(f, now)).count;
        if (forUser == settings.maxFailures()) {
            log.warn("Sign-in of user '{}' locked for {} after {} wrong passwords in a row (last from {})",
                    username, settings.lockFor(), forUser, client);
        }
        if (fromClient == settings.maxClientFailures()) {
            log.warn("Sign-in from client {} locked for {} after {} wrong passwords in a row", client, settings.lockFor(), fromClient);
        }
    }

    public void succeeded(String username, String client) {
        meters.counter("videolinks.signin.attempts", "outcome", "success").increment();
        users.remove(key(username));
        clients.remove(client);
    }

    private Failures next(Failures previous, Instant now) {
        // a run of failures older than the lock period is forgotten: counting starts again
        if (previous == null || previous.last.plus(settings.lockFor()).isBefore(now)) {
            return new Failures(1, now);
        }
        return new Failures(previous.count + 1, now);
    }

    private Duration remaining(Failures failures, int max, Instant now) {
        if (failures == null || failures.count < max) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(now, failures.last.plus(settings.lockFor()));
        return left.isNegative() ? Duration.ZERO : left;
    }

    private void prune(Instant now) {
        if (users.size() + clients.size() > MAX_TRACKED) {
            users.values().removeIf(f -> f.last.plus(settings.lockFor()).isBefore(now));
            clients.values().removeIf(f -> f.last.plus(settings.lockFor()).isBefore(now));
        }
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private record Failures(int count, Instant last) {
    }
}
