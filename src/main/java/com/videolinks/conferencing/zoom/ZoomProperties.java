package com.videolinks.conferencing.zoom;

import java.net.URI;
import java.time.Duration;

import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The Zoom app videolinks acts as ({@code videolinks.zoom.*}). Without client id, secret and redirect URI the
 * service starts, and connecting Zoom answers 503 {@code zoom-not-configured}; without the webhook secret token
 * webhooks are refused the same way.
 */
@Validated
@ConfigurationProperties("videolinks.zoom")
public record ZoomProperties(
        String clientId,
        String clientSecret,
        URI redirectUri,
        String webhookSecretToken,
        @DefaultValue("https://api.zoom.us/v2") @NotNull URI apiBaseUrl,
        @DefaultValue("https://zoom.us") @NotNull URI oauthBaseUrl,
        @DefaultValue("5s") @DurationMin(millis = 100) Duration connectTimeout,
        @DefaultValue("10s") @DurationMin(millis = 100) Duration readTimeout,
        @DefaultValue("5m") @DurationMin(millis = 0) Duration refreshAhead,
        @DefaultValue("10m") @DurationMin(seconds = 10) Duration authorizationTtl,
        @DefaultValue("5m") @DurationMin(seconds = 1) Duration webhookTolerance,
        @DefaultValue("100") @Min(1) int dailyMeetingCreations,
        @DefaultValue @Valid Retry retry) {

    /** Retries of one Zoom call inside one job; the job's own retry cycle comes on top. */
    public record Retry(
            @DefaultValue("3") @Min(1) @Max(10) int maxAttempts,
            @DefaultValue("500ms") @DurationMin(millis = 1) Duration initialBackoff,
            @DefaultValue("5s") @DurationMin(millis = 1) Duration maxBackoff,
            @DefaultValue("10s") Duration maxInlineRetryAfter,
            @DefaultValue("1m") Duration rateLimitPause) {
    }

    public boolean configured() {
        return notBlank(clientId) && notBlank(clientSecret) && redirectUri != null;
    }

    public boolean webhooksConfigured() {
        return notBlank(webhookSecretToken);
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }

    @Override
    public String toString() {
        return "ZoomProperties[clientId=" + clientId + ", clientSecret=" + (notBlank(clientSecret) ? "****" : "none")
                + ", redirectUri=" + redirectUri + ", webhookSecretToken=" + (notBlank(webhookSecretToken) ? "****" : "none")
                + ", apiBaseUrl=" + apiBaseUrl + ", oauthBaseUrl=" + oauthBaseUrl + "]";
    }
}
