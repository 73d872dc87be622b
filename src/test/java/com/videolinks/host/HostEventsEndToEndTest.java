package com.videolinks.host;

import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.videolinks.notification.OutboxSending;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.workflow.ZoomProvisioningTrigger;

/**
 * #10, done when: the host's events drive the whole seed flow. Install (Basic) → plan changed to Business (S4) →
 * services and staff with their assignments (S10, S17) → sessions (a class on the site's default link, a one-on-one
 * on Hana's own Zoom with a meeting of its own, S5) → customers → bookings, some sent before their session → the link
 * each decides → the confirmation emails over SMTP (S21) → a reschedule and a cancellation the Zoom meeting follows.
 */
class HostEventsEndToEndTest extends HostEventsTestBase {

    @Autowired
    ApplicationContext context;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void theHostsEventsDriveTheSeedFlowFromInstallToEmails() throws Exception {
        host.send("plugin.installed", site, null, 1, installed("BASIC")).andExpect(status().isOk());
        long siteId = siteId();
        connectDefaultLink(); // S2, S3: the owner connects the studio's room on the plugin's page
        host.send("service.created", site, "svc-flow", 1, """
                {"name": "Morning Flow", "kind": "CLASS", "online": true}""").andExpect(status().isOk());
        host.send("service.created", site, "svc-coach", 1, """
                {"name": "Private Coaching", "kind": "ONE_ON_ONE", "online": true}""").andExpect(status().isOk());
        host.send("staff.created", site, "stf-hana", 1, """
                {"name": "Hana Kim", "email": "hana@example.com", "serviceIds": ["svc-flow", "svc-coach"]}""")
                .andExpect(status().isOk());
        host.send("staff.created", site, "stf-tae", 1, """
                {"name": "Tae Park", "email": "tae@example.com", "serviceIds": ["svc-flow"]}""").andExpect(status().isOk());
        long hana = localId("staff", "stf-hana");
        owner.get("/api/services/" + localId("service", "svc-coach")).andExpect(jsonPath("$.staffIds[0]").value((int) hana));
        host.send("customer.created", site, "cus-soyeon", 1, """
                {"name": "Soyeon", "email": "soyeon-%s@example.com", "locale": "ko", "timeZone": "Asia/Seoul"}""".formatted(site));
        host.send("customer.created", site, "cus-alex", 1, """
                {"name": "Alex", "email": "alex-%s@example.com", "locale": "en", "timeZone": "Europe/London"}""".formatted(site));
        // bookings before their sessions (the host's deliveries cross): they wait
        host.send("booking.created", site, "bk-1", 1, """
                {"sessionId": "ses-flow", "customerId": "cus-soyeon"}""").andExpect(status().isAccepted());
        host.send("booking.created", site, "bk-2", 1, """
                {"sessionId": "ses-coach", "customerId": "cus-alex"}""").andExpect(status().isAccepted());

        // Basic plan: no link, and Hana cannot connect her own account (S4)
        owner.post("/api/staff/" + hana + "/account/zoom-authorization", "").andExpect(status().isConflict());
        host.send("site.plan_changed", site, null, 2, "{\"plan\": \"BUSINESS\"}").andExpect(status().isOk());
        connectStaffZoom(hana); // S12: Hana signs in to her own Zoom

        host.send("session.scheduled", site, "ses-flow", 1, """
                {"serviceId": "svc-flow", "staffId": "stf-tae", "startsAt": "2030-04-01T01:00:00Z", "endsAt": "2030-04-01T02:00:00Z"}""")
                .andExpect(status().isOk());
        host.send("session.scheduled", site, "ses-coach", 1, """
                {"serviceId": "svc-coach", "staffId": "stf-hana", "startsAt": "2030-04-02T01:00:00Z", "endsAt": "2030-04-02T01:45:00Z"}""")
                .andExpect(status().isOk());
        long flow = localId("session", "ses-flow");
        long coach = localId("session", "ses-coach");
        assertThat(localId("booking", "bk-1")).isNotNull();
        assertThat(localId("booking", "bk-2")).isNotNull();

        // the links the rules decide
        owner.get("/api/sessions/" + flow + "/link?channel=MY_BOOKINGS").andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.source").value("SITE_DEFAULT"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/studio"));
        owner.get("/api/sessions/" + coach + "/link").andExpect(jsonPath("$.status").value("PENDING"));
        runZoomJobs(coach);
        ZoomStandIn.server().verify(postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        owner.get("/api/sessions/" + coach + "/link?channel=MY_BOOKINGS").andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.source").value("STAFF_ACCOUNT")).andExpect(jsonPath("$.mode").value("PER_SESSION"))
                .andExpect(jsonPath("$.link.url", startsWith("https://zoom.example.com/j/")));

        // the confirmation emails, in each customer's language
        OutboxSending.dispatchDue(context);
        List<ReceivedMail> soyeon = ReceivedMail.to(smtp.getReceivedMessages(), "soyeon-" + site + "@example.com");
        List<ReceivedMail> alex = ReceivedMail.to(smtp.getReceivedMessages(), "alex-" + site + "@example.com");
        assertThat(soyeon).extracting(ReceivedMail::subject).containsExactly("예약 확정: Morning Flow");
        assertThat(soyeon.get(0).text()).contains("https://meet.example.com/studio");
        assertThat(alex).extracting(ReceivedMail::subject).hasSize(1);
        assertThat(alex.get(0).subject()).contains("Private Coaching");

        // the Zoom meeting follows the session: moved, then deleted with the cancellation
        host.send("session.rescheduled", site, "ses-coach", 2, """
                {"startsAt": "2030-04-03T01:00:00Z", "endsAt": "2030-04-03T01:45:00Z"}""").andExpect(status().isOk());
        runZoomJobs(coach);
        ZoomStandIn.server().verify(patchRequestedFor(urlPathMatching("/v2/meetings/.*")));
        host.send("session.cancelled", site, "ses-coach", 3, null).andExpect(status().isOk());
        runZoomJobs(coach);
        ZoomStandIn.server().verify(deleteRequestedFor(urlPathMatching("/v2/meetings/.*")));
        host.send("booking.cancelled", site, "bk-1", 2, null).andExpect(status().isOk());
        owner.get("/api/customers/" + localId("customer", "cus-soyeon") + "/bookings")
                .andExpect(jsonPath("$[0].status").value("CANCELLED"));

        assertThat(jdbc.sql("select count(*) from host_event where site_host_id = :s and status <> 'APPLIED'")
                .param("s", site).query(Long.class).single()).isZero();
        assertThat(siteId).isPositive();
    }

    /** Runs the session's Zoom provisioning jobs as the job executor would (it is off in tests). */
    private void runZoomJobs(long sessionId) {
        for (int round = 0; round < 5; round++) {
            List<ProcessInstance> processes = runtime.createProcessInstanceQuery()
                    .processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                    .processInstanceBusinessKey(String.valueOf(sessionId)).active().list();
            boolean ran = false;
            for (ProcessInstance process : processes) {
                for (Job job : management.createJobQuery().processInstanceId(process.getId()).messages()
                        .withRetriesLeft().list()) {
                    management.executeJob(job.getId());
                    ran = true;
                }
            }
            if (!ran) {
                return;
            }
        }
    }
}
