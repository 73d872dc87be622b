package com.videolinks.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

import jakarta.mail.MessagingException;

/**
 * {@code /actuator/health} component "smtp" (replacing Spring Boot's mail indicator, which turns the whole service
 * DOWN): an unreachable SMTP server is DEGRADED — HTTP 200, the service keeps answering and the outbox keeps every
 * email until the server is back — with the error and how many emails wait. No SMTP configured (the embedded
 * default) is UP with {@code configured: false}. The connection is tried at most every 30 s, not on every probe.
 */
@Component("smtp")
class SmtpHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the SMTP server cannot be reached; emails wait in the outbox");
    private static final Duration RECHECK_AFTER = Duration.ofSeconds(30);

    private final JavaMailSender sender;
    private final Outbox outbox;
    private final Clock clock;
    private volatile Checked last;

    SmtpHealthIndicator(ObjectProvider<JavaMailSender> sender, Outbox outbox, Clock clock) {
        this.sender = sender.getIfAvailable();
        this.outbox = outbox;
        this.clock = clock;
    }

    private record Checked(Instant at, String error) {
    }

    @Override
    public Health health() {
        long pending = outbox.count(OutboxStatus.PENDING);
        long parked = outbox.count(OutboxStatus.PARKED);
        if (!SmtpMail.configured(sender)) {
            return Health.up().withDetail("configured", false).withDetail("pending", pending)
                    .withDetail("parked", parked)
                    .withDetail("note", "no SMTP server configured (spring.mail.host): emails wait in the outbox")
                    .build();
        }
        Checked checked = check();
        Health.Builder health = checked.error() == null ? Health.up() : Health.status(DEGRADED)
                .withDetail("error", checked.error());
        if (sender instanceof JavaMailSenderImpl impl) {
            health.withDetail("server", impl.getHost() + ":" + impl.getPort());
        }
        return health.withDetail("configured", true).withDetail("pending", pending).withDetail("parked", parked)
                .withDetail("checkedAt", checked.at().toString()).build();
    }

    private Checked check() {
        Checked previous = last;
        Instant now = clock.instant();
        if (previous != null && previous.at().plus(RECHECK_AFTER).isAfter(now)) {
            return previous;
        }
        String error = null;
        if (sender instanceof JavaMailSenderImpl impl) {
            try {
                impl.testConnection();
            } catch (MessagingException | RuntimeException e) {
                error = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        }
        Checked checked = new Checked(now, error);
        last = checked;
        return checked;
    }
}
