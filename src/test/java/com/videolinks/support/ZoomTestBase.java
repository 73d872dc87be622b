package com.videolinks.support;

import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUsers;

/**
 * Spring Boot tests against the Zoom stand-in. One shared application context for every subclass (same properties),
 * a fresh stand-in and a fresh studio per test. Retries are fast here; their counts are the production ones.
 */
@SpringBootTest
@AutoConfigureMockMvc
public abstract class ZoomTestBase {

    @DynamicPropertySource
    static void zoomStandIn(DynamicPropertyRegistry properties) {
        String base = ZoomStandIn.baseUrl();
        properties.add("videolinks.zoom.client-id", () -> ZoomStandIn.CLIENT_ID);
        properties.add("videolinks.zoom.client-secret", () -> ZoomStandIn.CLIENT_SECRET);
        properties.add("videolinks.zoom.redirect-uri", () -> "https://videolinks.test/api/zoom/oauth/callback");
        properties.add("videolinks.zoom.webhook-secret-token", () -> ZoomStandIn.WEBHOOK_SECRET);
        properties.add("videolinks.zoom.api-base-url", () -> base + "/v2");
        properties.add("videolinks.zoom.oauth-base-url", () -> base);
        // a busy 2-core machine stalls a WireMock answer for 2 s now and then (a 401 test once saw a timeout retry); the
        // tests that want a timeout make Zoom answer after 5-6 s
        properties.add("videolinks.zoom.read-timeout", () -> "4s");
        properties.add("videolinks.zoom.retry.initial-backoff", () -> "10ms");
        properties.add("videolinks.zoom.retry.max-backoff", () -> "40ms");
        properties.add("videolinks.zoom.retry.max-inline-retry-after", () -> "2s");
    }

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected AppUsers users;

    protected StudioFixture studio;

    @BeforeEach
    void freshZoomAndStudio() throws Exception {
        ZoomStandIn.server().resetAll();
        ZoomStandIn.happyZoom("hana@example.com");
        studio = new StudioFixture(mvc, users);
    }

    /** Connects the staff member's own Zoom through the real sign-in (start, Zoom's redirect, callback); the account id. */
    protected long connectStaffZoom(Api api, long staffId) throws Exception {
        String start = api.post("/api/staff/" + staffId + "/account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        return callback(api, start);
    }

    /** Connects the site's default account to Zoom through the real sign-in; the account id. */
    protected long connectDefaultZoom(Api api, long siteId) throws Exception {
        String start = api.post("/api/sites/" + siteId + "/default-account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        return callback(api, start);
    }

    private long callback(Api api, String start) throws Exception {
        String authorizeUrl = JsonPath.read(start, "$.authorizeUrl");
        String state = query(authorizeUrl).get("state");
        var response = api.get("/api/zoom/oauth/callback?code=the-code&state=" + state).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("callback answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        return ((Number) JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    protected static Map<String, String> query(String url) {
        return Arrays.stream(URI.create(url).getRawQuery().split("&")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> java.net.URLDecoder.decode(p[1], java.nio.charset.StandardCharsets.UTF_8)));
    }
}
