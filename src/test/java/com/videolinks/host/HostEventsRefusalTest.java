package com.videolinks.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * #10: every kind of bad delivery is refused with problem details and changes nothing, or is applied exactly once;
 * the state is checked after each.
 */
class HostEventsRefusalTest extends HostEventsTestBase {

    private static final String SERVICE = """
            {"name": "Morning Flow", "kind": "CLASS", "online": true}""";

    @Test
    void aBadSignatureIsRefusedWith401AndInstallsNothing() throws Exception {
        String body = HostSender.event(HostSender.newEventId(), "plugin.installed", site, null, 1, installed("BUSINESS"));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String forged = "sha256=" + HostSignatures.sign("not-the-secret", timestamp, body.getBytes(StandardCharsets.UTF_8));

        host.sendSigned(body, timestamp, forged).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("signature-refused"))
                .andExpect(jsonPath("$.detail", containsString("does not match")));
        // a body altered after signing: the signature of the original does not cover it
        String signed = "sha256=" + HostSignatures.sign(SECRET_A, timestamp, body.getBytes(StandardCharsets.UTF_8));
        host.sendSigned(body.replace("BUSINESS", "ECOMMERCE"), timestamp, signed).andExpect(status().isUnauthorized());

        assertThat(storedEvents(site)).isZero();
        assertThat(jdbc.sql("select count(*) from site where host_id = :h").param("h", site).query(Long.class).single()).isZero();
        // the right signature for the same body works: the 401s were about the signature
        host.sendSigned(body, timestamp, signed).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));
        assertThat(siteId()).isPositive();
    }

    @Test
    void aMissingSignatureOrUnknownKeyIsRefusedWith401() throws Exception {
        String body = HostSender.event(HostSender.newEventId(), "plugin.installed", site, null, 1, installed("BUSINESS"));
        String timestamp = String.valueOf(clock.instant().getEpochSecond());

        host.sendSigned(body, timestamp, null).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("X-Host-Signature")));
        host.sendSigned(body, null, null).andExpect(status().isUnauthorized());
        new HostSender(mvc, clock, "no-such-key", SECRET_A).sendBody(body).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail", containsString("names no key")));
        new HostSender(mvc, clock, null, SECRET_A).sendBody(body).andExpect(status().isUnauthorized());

        assertThat(storedEvents(site)).isZero();
    }

    @Test
    void aStaleTimestampIsRefusedWith401EvenWithAValidSignature() throws Exception {
        String body = HostSender.event(HostSender.newEventId(), "plugin.installed", site, null, 1, installed("BUSINESS"));
        for (Instant when : new Instant[] {clock.instant().minus(Duration.ofMinutes(6)), clock.instant().plus(Duration.ofMinutes(6))}) {
            String timestamp = String.valueOf(when.getEpochSecond());
            host.sendSigned(body, timestamp, "sha256=" + HostSignatures.sign(SECRET_A, timestamp,
                    body.getBytes(StandardCharsets.UTF_8)))
                    .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.detail", containsString("stale")));
        }
        host.sendSigned(body, "yesterday", "sha256=00").andExpect(status().isUnauthorized());
        assertThat(storedEvents(site)).isZero();
    }

    @Test
    void aReplayedDeliveryIsAppliedOnceAndACapturedOneIsRefusedOnceStale() throws Exception {
        install("BUSINESS");
        host.send("service.created", site, "svc-1", 1, SERVICE).andExpect(status().isOk());
        host.send("service.created", site, "svc-1", 1, SERVICE); // same version again under a new id: ignored
        String body = HostSender.event(HostSender.newEventId(), "session.scheduled", site, "ses-1", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T01:00:00Z", "endsAt": "2030-03-01T02:00:00Z"}""");
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String signature = "sha256=" + HostSignatures.sign(SECRET_A, timestamp, body.getBytes(StandardCharsets.UTF_8));

        host.sendSigned(body, timestamp, signature).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));
        host.sendSigned(body, timestamp, signature).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DUPLICATE"));
        advance(Duration.ofMinutes(10));
        host.sendSigned(body, timestamp, signature).andExpect(status().isUnauthorized());

        assertThat(jdbc.sql("select count(*) from session where service_id = :s").param("s", localId("service", "svc-1"))
                .query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from service where site_id = :s").param("s", siteId()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void theSameEventIdWithAnotherBodyIsRefusedWith409AndChangesNothing() throws Exception {
        install("BUSINESS");
        String id = HostSender.newEventId();
        host.sendBody(HostSender.event(id, "service.created", site, "svc-1", 1, SERVICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));
        host.sendBody(HostSender.event(id, "service.created", site, "svc-1", 1, SERVICE))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DUPLICATE"));

        host.sendBody(HostSender.event(id, "service.updated", site, "svc-1", 2, SERVICE.replace("Morning Flow", "Evening Flow")))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("event-id-reused"));

        assertThat(jdbc.sql("select name from service where id = :id").param("id", localId("service", "svc-1"))
                .query(String.class).single()).isEqualTo("Morning Flow");
        // the same id from another key is another delivery (ids are unique per key), refused only as not its site
        otherHost.sendBody(HostSender.event(id, "service.created", site, "svc-1", 1, SERVICE)).andExpect(status().isForbidden());
    }

    @Test
    void anUnknownEventTypeIsRefusedWith400NamingTheKnownTypes() throws Exception {
        install("BUSINESS");
        long before = storedEvents(site);

        host.send("service.teleported", site, "svc-1", 1, SERVICE).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("unknown-event-type"))
                .andExpect(jsonPath("$.errors[0].field").value("type"))
                .andExpect(jsonPath("$.errors[0].message", containsString("booking.created")));

        assertThat(storedEvents(site)).isEqualTo(before);
        assertThat(localId("service", "svc-1")).isNull();
    }

    @Test
    void aBusinessAddressThatIsNoEmailOrAStaffLanguageNobodySpeaksIsRefusedWith400NamingTheField() throws Exception {
        // #13: the Reply-To of the business's emails and the language of a staff member's emails
        host.send("plugin.installed", site, null, 1, """
                {"name": "Studio %s", "plan": "BUSINESS", "owner": {"id": "%s"}, "contactEmail": "hello at studio"}
                """.formatted(site, ownerHostId))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.contactEmail"));
        assertThat(jdbc.sql("select count(*) from site where host_id = :h").param("h", site).query(Long.class).single())
                .isZero();

        install("BUSINESS");
        for (String wrong : List.of("klingon", "not a tag!")) {
            host.send("staff.created", site, "stf-min", 1, """
                    {"name": "Min", "email": "min@example.com", "locale": "%s"}""".formatted(wrong))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.locale"));
        }
        assertThat(localId("staff", "stf-min")).isNull();
    }

    @Test
    void theInstallNamesTheBusinessAddressAndAStaffMemberTheirLanguage() throws Exception {
        host.send("plugin.installed", site, null, 1, """
                {"name": "Studio %s", "plan": "BUSINESS", "owner": {"id": "%s", "email": "mina@example.com"},
                 "contactEmail": "hello@studio.example"}""".formatted(site, ownerHostId)).andExpect(status().isOk());
        owner.get("/api/sites/" + siteId()).andExpect(jsonPath("$.contactEmail").value("hello@studio.example"));
        host.send("staff.created", site, "stf-min", 1, """
                {"name": "Min", "email": "min@example.com", "locale": "en"}""").andExpect(status().isOk());
        owner.get("/api/staff/" + localId("staff", "stf-min")).andExpect(jsonPath("$.locale").value("en"));
        // staff.updated carries the whole staff member: no locale, Korean again (as before #13)
        host.send("staff.updated", site, "stf-min", 2, """
                {"name": "Min", "email": "min@example.com"}""").andExpect(status().isOk());
        owner.get("/api/staff/" + localId("staff", "stf-min")).andExpect(jsonPath("$.locale").value("ko"));
    }

    @Test
    void anInstallWithoutAContactEmailRepliesToTheOwner() throws Exception {
        install("BUSINESS"); // the owner's email is mina@example.com
        owner.get("/api/sites/" + siteId()).andExpect(jsonPath("$.contactEmail").value("mina@example.com"));
    }

    @Test
    void aSchemaInvalidEventIsRefusedWith400NamingTheFieldAndChangesNothing() throws Exception {
        install("BUSINESS");
        long before = storedEvents(site);

        host.send("service.created", site, "svc-1", 1, """
                {"name": "Morning Flow", "kind": "WORKSHOP", "online": true}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.kind"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ONE_ON_ONE")));
        host.send("service.created", site, "svc-1", 1, """
                {"kind": "CLASS", "online": true}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.name"));
        host.send("service.created", site, "svc-1", 1, """
                {"name": "X", "kind": "CLASS", "online": true, "price": 10}""")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data.price"));
        host.send("service.created", site, null, 1, SERVICE)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("entityId"));
        host.send("service.created", site, "svc-1", 1, null)
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("data"));
        host.sendBody("""
                {"id": "%s", "type": "service.created", "siteId": "%s", "entityId": "svc-1", "data": %s}
                """.formatted(HostSender.newEventId(), site, SERVICE))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("version"));
        host.sendBody("[1, 2, 3]").andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("body"));
        host.sendBody("not json").andExpect(status().isBadRequest());
        host.send("session.scheduled", site, "ses-1", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T02:00:00Z", "endsAt": "2030-03-01T01:00:00Z"}""")
                .andExpect(status().isAccepted()); // waits for svc-1 first; its times are checked when it applies

        assertThat(localId("service", "svc-1")).isNull();
        assertThat(storedEvents(site)).isEqualTo(before + 1);
    }

    @Test
    void aRescheduleBeforeTheScheduleWaitsAndIsAppliedAfterIt() throws Exception {
        install("BUSINESS");
        host.send("service.created", site, "svc-1", 1, SERVICE).andExpect(status().isOk());

        host.send("session.rescheduled", site, "ses-1", 2, """
                {"startsAt": "2030-03-02T05:00:00Z", "endsAt": "2030-03-02T06:00:00Z"}""")
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.reason", containsString("before it was scheduled")));
        assertThat(localId("session", "ses-1")).isNull();

        host.send("session.scheduled", site, "ses-1", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T01:00:00Z", "endsAt": "2030-03-01T02:00:00Z"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("APPLIED"));

        Long session = localId("session", "ses-1");
        assertThat(jdbc.sql("select starts_at from session where id = :id").param("id", session)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2030-03-02T05:00:00Z"));
        assertThat(jdbc.sql("select status from host_event where site_host_id = :s and event_type = 'session.rescheduled'")
                .param("s", site).query(String.class).single()).isEqualTo("APPLIED");
        // the late first version again (a retry of the host) changes nothing
        host.send("session.scheduled", site, "ses-1", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T01:00:00Z", "endsAt": "2030-03-01T02:00:00Z"}""")
                .andExpect(jsonPath("$.status").value("IGNORED"));
        assertThat(jdbc.sql("select starts_at from session where id = :id").param("id", session)
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(Instant.parse("2030-03-02T05:00:00Z"));
    }

    @Test
    void aCancelBeforeTheCreateIsAppliedOnceAndTheLateCreateIsIgnoredWithoutAnEmail() throws Exception {
        install("BUSINESS");
        host.send("service.created", site, "svc-1", 1, SERVICE).andExpect(status().isOk());
        host.send("session.scheduled", site, "ses-1", 1, """
                {"serviceId": "svc-1", "startsAt": "2030-03-01T01:00:00Z", "endsAt": "2030-03-01T02:00:00Z"}""");
        host.send("customer.created", site, "cus-1", 1, """
                {"name": "Soyeon", "email": "soyeon@example.com", "locale": "ko"}""");

        host.send("booking.cancelled", site, "bk-1", 2, null).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("APPLIED"))
                .andExpect(jsonPath("$.reason", containsString("remembered as cancelled")));
        host.send("booking.created", site, "bk-1", 1, """
                {"sessionId": "ses-1", "customerId": "cus-1"}""")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("IGNORED"));

        assertThat(localId("booking", "bk-1")).isNull();
        assertThat(jdbc.sql("select count(*) from notification_outbox where customer_id = :c")
                .param("c", localId("customer", "cus-1")).query(Long.class).single()).isZero();
    }

    @Test
    void aBodyOfFiveMegabytesIsRefusedWith413() throws Exception {
        install("BUSINESS");
        long before = storedEvents(site);
        String huge = "x".repeat(5 * 1024 * 1024);

        host.send("service.created", site, "svc-1", 1, """
                {"name": "%s", "kind": "CLASS", "online": true}""".formatted(huge))
                .andExpect(status().isPayloadTooLarge()).andExpect(jsonPath("$.code").value("body-too-large"));

        assertThat(storedEvents(site)).isEqualTo(before);
        assertThat(localId("service", "svc-1")).isNull();
    }

    @Test
    void anEventForASiteAnotherKeyInstalledIsRefusedWith403() throws Exception {
        install("BASIC");

        otherHost.send("site.plan_changed", site, null, 2, "{\"plan\": \"BUSINESS\"}").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("site-not-owned-by-key"));
        otherHost.send("plugin.installed", site, null, 3, installed("BUSINESS")).andExpect(status().isForbidden());
        otherHost.send("plugin.removed", site, null, 4, null).andExpect(status().isForbidden());

        assertThat(jdbc.sql("select plan from site where id = :id").param("id", siteId()).query(String.class).single())
                .isEqualTo("BASIC");
        assertThat(jdbc.sql("select removed_at from host_installation where site_id = :id").param("id", siteId())
                .query(java.sql.Timestamp.class).optional()).isEmpty();
        // the key that installed it may
        host.send("site.plan_changed", site, null, 2, "{\"plan\": \"BUSINESS\"}").andExpect(status().isOk());
        assertThat(jdbc.sql("select plan from site where id = :id").param("id", siteId()).query(String.class).single())
                .isEqualTo("BUSINESS");
    }
}
