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

    TokenGrant refresh(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return token("refresh the access token", form);
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
        JsonNode body = resilience.call(operation, () -> {
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
        });
        if (body == null || !body.hasNonNull("access_token") || !body.hasNonNull("refresh_token")) {
            throw new ZoomException("Zoom's token endpoint answered without access_token and refresh_token");
        }
        long expiresIn = body.hasNonNull("expires_in") ? body.get("expires_in").asLong() : 3600;
        Instant expiresAt = clock.instant().plusSeconds(expiresIn);
        return new TokenGrant(body.get("access_token").asText(), body.get("refresh_token").asText(), expiresAt);
    }
}
