package com.videolinks.notification;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of customer emails ({@code videolinks.notifications}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. Every key is explained in application.yml.
 */
@ConfigurationProperties("videolinks.notifications")
record NotificationProperties(
        @DefaultValue("no-reply@videolinks.invalid") String from,
        @DefaultValue("http://localhost:8080") URI publicBaseUrl,
        @DefaultValue Dispatch dispatch,
        @DefaultValue Retry retry,
        @DefaultValue("1m") Duration linkReadyInterval,
        @DefaultValue("500") int courseChunkSize,
        @DefaultValue("2m") Duration linkChangeWindow,
        @DefaultValue("180d") Duration keepFinishedFor,
        @DefaultValue("") String nodeId) {

    record Dispatch(@DefaultValue("true") boolean enabled, @DefaultValue("10s") Duration interval,
                    @DefaultValue("50") int batchSize, @DefaultValue("5m") Duration claimFor) {
    }

    record Retry(@DefaultValue("8") int maxAttempts, @DefaultValue("30s") Duration initialBackoff,
                 @DefaultValue("30m") Duration maxBackoff) {

        /** Exponential: initial, 2×, 4×… after each failed attempt, never more than {@code maxBackoff}. */
        Duration after(int attempts) {
            Duration wait = initialBackoff;
            for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
                wait = wait.multipliedBy(2);
            }
            return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
        }
    }

    String myBookingsUrl() {
        return publicBaseUrl.resolve("/my-bookings").toString();
    }

    String memberSessionUrl(long sessionId) {
        return publicBaseUrl.resolve("/member/sessions/" + sessionId).toString();
    }
}
