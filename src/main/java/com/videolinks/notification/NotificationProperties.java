package com.videolinks.notification;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * Settings of customer emails ({@code videolinks.notifications}); the SMTP server itself is Spring's
 * {@code spring.mail.*}. Every key is explained in application.yml. A nonsense value (a chunk of 0 customers, a
 * negative interval) stops the start with the key and the reason (#14), instead of a loop that never ends.
 */
@Validated
@ConfigurationProperties("videolinks.notifications")
record NotificationProperties(
        @DefaultValue("no-reply@videolinks.invalid") @NotBlank String from,
        @DefaultValue("http://localhost:8080") @NotNull URI publicBaseUrl,
        @DefaultValue @Valid Dispatch dispatch,
        @DefaultValue @Valid Retry retry,
        @DefaultValue("1m") @DurationMin(seconds = 1) Duration linkReadyInterval,
        @DefaultValue("500") @Min(1) @Max(10_000) int courseChunkSize,
        @DefaultValue("2m") @DurationMin(seconds = 0) Duration linkChangeWindow,
        @DefaultValue("180d") @DurationMin(hours = 1) Duration keepFinishedFor,
        @DefaultValue("") String nodeId,
        @DefaultValue("") @Pattern(regexp = "|https?://[^\\s]*\\{path\\}[^\\s]*",
                message = "must be empty or an http(s) URL holding {path}, e.g. https://host.example/apps/videolinks?to={path}")
        String customerPageUrl,
        @DefaultValue("5s") @DurationMin(millis = 100) Duration releaseCheckInterval) {

    record Dispatch(@DefaultValue("true") boolean enabled,
                    @DefaultValue("10s") @DurationMin(millis = 10) Duration interval,
                    @DefaultValue("50") @Min(1) @Max(1_000) int batchSize,
                    @DefaultValue("5m") @DurationMin(seconds = 30) Duration claimFor) {
    }

    record Retry(@DefaultValue("8") @Min(1) int maxAttempts,
                 @DefaultValue("30s") @DurationMin(millis = 1) Duration initialBackoff,
                 @DefaultValue("30m") @DurationMin(millis = 1) Duration maxBackoff) {

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
        return customerPage("/my-bookings");
    }

    String memberSessionUrl(long sessionId) {
        return customerPage("/member/sessions/" + sessionId);
    }

    /**
     * #13: where an email sends a customer for one of their pages. Without {@code customer-page-url}, the page itself
     * (a customer who is not signed in signs in and lands on it); with it, the host's page that signs the customer in
     * and opens ours through {@code /launch?to=<path>}, for customers who only have the host's identity.
     */
    private String customerPage(String path) {
        if (customerPageUrl == null || customerPageUrl.isBlank()) {
            return publicBaseUrl.resolve(path).toString();
        }
        return customerPageUrl.replace("{path}", java.net.URLEncoder.encode(path, java.nio.charset.StandardCharsets.UTF_8));
    }
}
