package com.videolinks.conferencing.zoom;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Zoom app videolinks acts as ({@code videolinks.zoom.*}). Without client id, secret and redirect URI the
 * service starts, and connecting Zoom answers 503 {@code zoom-not-configured}; without the webhook secret token
 * webhooks are refused the same way.
 */
@ConfigurationProperties("videolinks.zoom")
public record ZoomProperties(
        String clientId,
        String clientSecret,
        URI redirectUri,
        String webhookSecretToken,
        @DefaultValue("https://api.zoom.us/v2") URI apiBaseUrl,
        @DefaultValue("https://zoom.us") URI oauthBaseUrl,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("5m") Duration refreshAhead,
        @DefaultValue("10m") Duration authorizationTtl,
        @DefaultValue("5m") Duration webhookTolerance,
        @DefaultValue("100") int dailyMeetingCreations,
        @DefaultValue Retry retry) {

    /** Retries of one Zoom call inside one job; the job's own retry cycle comes on top. */
    public record Retry(
            @DefaultValue("3") int maxAttempts,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("5s") Duration maxBackoff,
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
