package com.videolinks.host;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.ZoomStandIn;

/**
 * One application context for the host event tests: two host keys, the Zoom stand-in, an SMTP server of its own
 * (GreenMail) and a clock the tests move. Periodic retries are left to the tests (they call them), so nothing moves
 * behind a test's back. Each test gets its own host site id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videolinks.host.keys[0].id=" + HostEventsTestBase.KEY_A,
        "videolinks.host.keys[0].secret=" + HostEventsTestBase.SECRET_A,
        "videolinks.host.keys[1].id=" + HostEventsTestBase.KEY_B,
        "videolinks.host.keys[1].secret=" + HostEventsTestBase.SECRET_B,
        "videolinks.host.retry-pending-every=1h",
        "videolinks.zoom.revoke-every=1h",
        "videolinks.notifications.public-base-url=https://book.example.com"})
@AutoConfigureMockMvc
@Import(HostEventsTestBase.TestClock.class)
abstract class HostEventsTestBase {

    static final String KEY_A = "host-a";
    static final String SECRET_A = "secret-of-host-a-0123456789";
    static final String KEY_B = "host-b";
    static final String SECRET_B = "secret-of-host-b-9876543210";
    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @TestConfiguration
    static class TestClock {

        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @DynamicPropertySource
    static void outsideWorld(DynamicPropertyRegistry properties) {
        String base = ZoomStandIn.baseUrl();
        properties.add("videolinks.zoom.client-id", () -> ZoomStandIn.CLIENT_ID);
        properties.add("videolinks.zoom.client-secret", () -> ZoomStandIn.CLIENT_SECRET);
        properties.add("videolinks.zoom.redirect-uri", () -> "https://videolinks.test/api/zoom/oauth/callback");
        properties.add("videolinks.zoom.api-base-url", () -> base + "/v2");
        properties.add("videolinks.zoom.oauth-base-url", () -> base);
        properties.add("videolinks.zoom.retry.initial-backoff", () -> "10ms");
        properties.add("videolinks.zoom.retry.max-backoff", () -> "40ms");
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MutableClock clock;

    HostSender host;
    HostSender otherHost;
    String site;
    String ownerHostId;
    Api owner;
    Api operator;
    String operatorName;
    GreenMail smtp;

    @BeforeEach
    void hostAndSite() {
        ZoomStandIn.server().resetAll();
        ZoomStandIn.happyZoom("hana@example.com");
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        host = new HostSender(mvc, clock, KEY_A, SECRET_A);
        otherHost = new HostSender(mvc, clock, KEY_B, SECRET_B);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        site = "site-" + tag;
        ownerHostId = "owner-" + tag;
        // the owner as the host's identity signs them in (#9); created first so the test can act as them
        users.create(HostEventApplier.OWNER_PREFIX + ownerHostId, Api.PASSWORD, Role.OWNER, null, null);
        owner = new Api(mvc, HostEventApplier.OWNER_PREFIX + ownerHostId);
        users.create("ops-" + tag, Api.PASSWORD, Role.OPERATOR, null, null);
        operator = new Api(mvc, "ops-" + tag);
        operatorName = "ops-" + tag;
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    /** Moves the clock on; owner and operator sign in again (their tokens follow the same clock and expire). */
    void advance(java.time.Duration by) {
        clock.advance(by);
        owner = new Api(mvc, HostEventApplier.OWNER_PREFIX + ownerHostId);
        operator = new Api(mvc, operatorName);
    }

    String installed(String plan) {
        return """
                {"name": "Studio %s", "plan": "%s", "timeZone": "Asia/Seoul",
                 "owner": {"id": "%s", "name": "Mina", "email": "mina@example.com"}}
                """.formatted(site, plan, ownerHostId);
    }

    void install(String plan) throws Exception {
        host.send("plugin.installed", site, null, 1, installed(plan))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    long siteId() {
        return jdbc.sql("select id from site where host_id = :h").param("h", site).query(Long.class).single();
    }

    Long localId(String table, String hostId) {
        String sql = switch (table) {
            case "service", "staff", "customer" -> "select id from " + table + " where site_id = :site and host_id = :h";
            case "session" -> "select s.id from session s join service v on v.id = s.service_id where v.site_id = :site and s.host_id = :h";
            case "booking" -> """
                    select b.id from booking b join session s on s.id = b.session_id join service v on v.id = s.service_id
                    where v.site_id = :site and b.host_id = :h""";
            default -> throw new IllegalArgumentException(table);
        };
        return jdbc.sql(sql).param("site", siteId()).param("h", hostId).query(Long.class).optional().orElse(null);
    }

    /** The owner connects a custom link as the site's default account, as they do on the plugin's page (S2, S3). */
    void connectDefaultLink() throws Exception {
        owner.put("/api/sites/" + siteId() + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/studio", "password": "om"}}
                """).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isOk());
    }

    /** The staff member's own Zoom through Zoom's sign-in (the stand-in), started by the owner; the account id. */
    long connectStaffZoom(long staffId) throws Exception {
        String start = owner.post("/api/staff/" + staffId + "/account/zoom-authorization", "")
                .andReturn().getResponse().getContentAsString();
        String authorizeUrl = com.jayway.jsonpath.JsonPath.read(start, "$.authorizeUrl");
        String state = java.util.Arrays.stream(java.net.URI.create(authorizeUrl).getRawQuery().split("&"))
                .filter(p -> p.startsWith("state=")).findFirst().orElseThrow().substring(6);
        var response = owner.get("/api/zoom/oauth/callback?code=the-code&state="
                + java.net.URLDecoder.decode(state, java.nio.charset.StandardCharsets.UTF_8)).andReturn().getResponse();
        if (response.getStatus() != 200) {
            throw new AssertionError("callback answered " + response.getStatus() + ": " + response.getContentAsString());
        }
        return ((Number) com.jayway.jsonpath.JsonPath.read(response.getContentAsString(), "$.id")).longValue();
    }

    long storedEvents(String siteHostId) {
        return jdbc.sql("select count(*) from host_event where site_host_id = :s").param("s", siteHostId)
                .query(Long.class).single();
    }
}
