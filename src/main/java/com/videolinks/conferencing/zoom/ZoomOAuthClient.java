package com.videolinks.conferencing.zoom;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zoom's OAuth server: the authorize URL (with state and a PKCE S256 challenge), exchanging the code, refreshing.
 * The client authenticates with HTTP Basic (client id and secret), as Zoom asks.
 */
class ZoomOAuthClient {

    /** Zoom refused a code or refresh token ({@code invalid_grant}): revoked, expired or already used. */
    static class InvalidGrantException extends ZoomException {

        InvalidGrantException(String message) {
            super(message);
        }
    }

    private final RestClient rest;
    private final ZoomProperties properties;
    private final ZoomResilience resilience;
    private final Clock clock;

    ZoomOAuthClient(RestClient rest, ZoomProperties properties, Clock clock) {
        this.rest = rest;
        this.properties = properties;
        this.resilience = new ZoomResilience(properties.retry(), clock);
        this.clock = clock;
    }

    URI authorizeUrl(String state, String codeChallenge) {
        return UriComponentsBuilder.fromUri(properties.oauthBaseUrl()).path("/oauth/authorize")
                .queryParam("response_type", "code")
                .queryParam("client_id", properties.clientId())
                .queryParam("redirect_uri", properties.redirectUri().toString())
                .queryParam("state", state)
                .queryParam("code_challenge", codeChallenge)
                .queryParam("code_challenge_method", "S256")
                .encode().build().toUri();
    }

    TokenGrant exchange(String code, String codeVerifier) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", properties.redirectUri().toString());
        form.add("code_verifier", codeVerifier);
        return token("exchange the authorization code", form);
    }

    /**
     * One attempt, never retried here: Zoom rotates the refresh token when it processes the request, so sending it
     * again after an answer that never came could spend a token Zoom already replaced. A request that never reached
     * Zoom (connection refused, unknown host) throws {@link ZoomUnavailableException}; one that may have reached it
     * (read timeout, connection lost, 5xx) throws {@link RefreshOutcomeUnknownException}.
     */
    TokenGrant refresh(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        JsonNode body;
        try {
            body = post("refresh the access token", form);
        } catch (org.springframework.web.client.ResourceAccessException e) {
            if (notSent(e)) {
                throw new ZoomUnavailableException("Zoom's token endpoint could not be reached to refresh the access "
                        + "token: " + e.getMessage());
            }
            throw new RefreshOutcomeUnknownException("Zoom did not answer the token refresh: " + e.getMessage(), e);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().is5xxServerError()) {
                throw new RefreshOutcomeUnknownException("Zoom answered the token refresh with HTTP "
                        + e.getStatusCode().value(), e);
            }
            throw e;
        }
        return grant(body);
    }

    /** The refresh may or may not have been processed by Zoom (no answer, or a 5xx after it was sent). */
    static final class RefreshOutcomeUnknownException extends ZoomException {
        RefreshOutcomeUnknownException(String message, Throwable cause) {
            super(message);
            initCause(cause);
        }
    }

    private static boolean notSent(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.net.http.HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Revokes the grant the token belongs to (Zoom's {@code POST /oauth/revoke}); false when Zoom says the token is
     * not valid any more (already revoked or expired): the grant is gone either way.
     */
    boolean revoke(String token) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("token", token);
        return resilience.call("revoke the grant", () -> {
            try {
                rest.post().uri("/oauth/revoke")
                        .headers(h -> h.setBasicAuth(properties.clientId(), properties.clientSecret()))
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                        .body(form).retrieve().toBodilessEntity();
                return true;
            } catch (RestClientResponseException e) {
                if (e.getStatusCode().value() == 400 || e.getStatusCode().value() == 401) {
                    return false;
                }
                throw e;
            }
        });
    }

    private TokenGrant token(String operation, MultiValueMap<String, String> form) {
        return grant(resilience.call(operation, () -> post(operation, form)));
    }

    private JsonNode post(String operation, MultiValueMap<String, String> form) {
        try {
            return rest.post().uri("/oauth/token")
                    .headers(h -> h.setBasicAuth(properties.clientId(), properties.clientSecret()))
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).accept(MediaType.APPLICATION_JSON)
                    .body(form).retrieve().body(JsonNode.class);
        } catch (RestClientResponseException e) {
            if (e.getStatusCode().value() == 400 || e.getStatusCode().value() == 401) {
                String error = e.getResponseBodyAsString();
                if (error.contains("invalid_grant")) {
                    throw new InvalidGrantException("Zoom refused to " + operation + ": invalid_grant");
                }
            }
            throw e;
        }
    }

    private TokenGrant grant(JsonNode body) {
        if (body == null || !body.hasNonNull("access_token") || !body.hasNonNull("refresh_token")) {
            throw new ZoomException("Zoom's token endpoint answered without access_token and refresh_token");
        }
        long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : 3600;
        Instant expiresAt = clock.instant().plusSeconds(expiresIn);
        return new TokenGrant(body.get("access_token").asText(), body.get("refresh_token").asText(), expiresAt);
    }
}
