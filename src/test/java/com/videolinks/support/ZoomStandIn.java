package com.videolinks.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * An in-process Zoom (WireMock) for the whole test run: its OAuth server under {@code /oauth}, its REST API under
 * {@code /v2}. Tests add the stubs and faults they need and reset it before each test.
 */
public final class ZoomStandIn {

    public static final String CLIENT_ID = "test-client-id";
    public static final String CLIENT_SECRET = "test-client-secret";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    private static WireMockServer server;

    private ZoomStandIn() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().containerThreads(40)
                    .globalTemplating(true));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    public static String baseUrl() {
        return server().baseUrl();
    }

    /** Default happy stubs: token exchange and refresh, who am I, create/list/update/delete meetings with distinct ids. */
    public static void happyZoom(String email) {
        WireMockServer zoom = server();
        zoom.stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=authorization_code"))
                .willReturn(okJson("""
                        {"access_token": "access-1", "refresh_token": "refresh-1", "expires_in": 3600, "token_type": "bearer"}
                        """)));
        zoom.stubFor(get(urlEqualTo("/v2/users/me")).willReturn(okJson("""
                {"id": "zoom-user-1", "email": "%s"}
                """.formatted(email))));
        zoom.stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id": {{randomInt lower=100000000 upper=999999999}}, "join_url": "https://zoom.example.com/j/{{randomValue length=6 type='NUMERIC'}}",
                         "password": "pw{{randomValue length=4 type='NUMERIC'}}", "start_url": "https://zoom.example.com/s/host-only"}
                        """)));
        // the host's scheduled meetings (what a creation in doubt searches): none carry a reference by default
        zoom.stubFor(get(urlPathEqualTo("/v2/users/me/meetings")).willReturn(okJson("""
                {"page_size": 300, "total_records": 0, "next_page_token": "", "meetings": []}
                """)));
        zoom.stubFor(patch(urlPathMatching("/v2/meetings/.*")).willReturn(aResponse().withStatus(204)));
        zoom.stubFor(delete(urlPathMatching("/v2/meetings/.*")).willReturn(aResponse().withStatus(204)));
        zoom.stubFor(post(urlEqualTo("/oauth/revoke")).willReturn(okJson("{\"status\": \"success\"}")));
    }
}
