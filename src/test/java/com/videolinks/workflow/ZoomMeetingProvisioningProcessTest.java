package com.videolinks.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/**
 * Zoom meetings follow their sessions through the zoom-meeting-provisioning process (S5, S10, S11, S20): one process
 * per change, business key = session id, the Zoom call in an async job that retries, waits on rate limits and ends
 * in a Cockpit incident naming the session and host. (The job executor is off in tests: jobs run here, one by one.)
 */
class ZoomMeetingProvisioningProcessTest extends ZoomTestBase {

    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ZoomMeetings meetings;
    @Autowired
    JdbcClient jdbc;

    long accountId;

    @BeforeEach
    void connectHanasZoom() throws Exception {
        AbstractAssertions.init(engine);
        accountId = connectStaffZoom(studio.staffApi, studio.staffId);
    }

    @Test
    void s5_s10_aSessionOfAZoomHostIsPendingUntilItsJobCreatesTheMeetingThenShowsIt() throws Exception {
        long sessionId = schedule(studio.oneOnOneId, "2030-02-01T01:00:00Z", "2030-02-01T01:45:00Z");

        ProcessInstance process = onlyProcessOf(sessionId);
        assertThat(process).isWaitingAt("syncZoomMeeting");
        assertThat(process).variables().containsEntry("sessionId", sessionId)
                .hasEntrySatisfying("host", host -> assertThat((String) host).contains("hana@example.com"));
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("PENDING")).andExpect(jsonPath("$.link").doesNotExist());

        runJobsOf(sessionId);

        assertThat(process).isEnded().hasPassed("meetingInSync");
        ZoomStandIn.server().verify(postRequestedFor(urlEqualTo("/v2/users/me/meetings")).withRequestBody(equalToJson("""
                {"topic": "Private Coaching", "type": 2, "start_time": "2030-02-01T01:00:00Z", "duration": 45,
                 "timezone": "Asia/Seoul", "agenda": "${json-unit.any-string}"}
                """)));
        String joinUrl = meetings.ofSession(sessionId).get(0).joinUrl();
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN")).andExpect(jsonPath("$.link.url").value(joinUrl));
    }

    @Test
    void customerChannelsShowNoLinkWhileTheMeetingIsPending() throws Exception {
        studio.customerApi.get("/api/me/bookings")
                .andExpect(jsonPath("$[?(@.sessionId == " + studio.classSessionId + ")].videoLink.status").value("PENDING"))
                .andExpect(jsonPath("$[?(@.sessionId == " + studio.classSessionId + ")].videoLink.url").isEmpty());
    }

    @Test
    void connectingAZoomAccountStartsOneRelinkOfTheSiteThatProvisionsTheUpcomingSessionsItNowServes() {
        // #13 item 5, #14: one paged run for the change, none per session
        ProcessInstance relink = runtime.createProcessInstanceQuery().processDefinitionKey(AccountRelinkTrigger.PROCESS_ID)
                .processInstanceBusinessKey(AccountRelinkTrigger.businessKey(studio.siteId))
                .variableValueEquals("staffId", studio.staffId).singleResult();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(studio.classSessionId)).count()).isZero();

        runRelinkOfSite();

        assertThat(relink).isEnded().hasPassed("surveySessions", "relinkSessionPage", "sessionsRelinked");
        assertThat(meetings.ofSession(studio.classSessionId)).hasSize(1);
        assertThat(meetings.ofSession(studio.oneOnOneSessionId)).hasSize(1);
        // the course keeps the site default (S18): no meeting
        assertThat(meetings.ofSession(studio.courseFutureSessionId)).isEmpty();
    }

    @Test
    void movingASessionMovesItsMeeting() throws Exception {
        runRelinkOfSite();
        String meetingId = meetings.ofSession(studio.classSessionId).get(0).meetingId();

        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/schedule", """
                {"startsAt": "2030-01-12T03:00:00Z", "endsAt": "2030-01-12T04:30:00Z"}
                """).andExpect(status().isOk());
        runJobsOf(studio.classSessionId);

        ZoomStandIn.server().verify(patchRequestedFor(urlEqualTo("/v2/meetings/" + meetingId)).withRequestBody(equalToJson("""
                {"topic": "Morning Flow", "type": 2, "start_time": "2030-01-12T03:00:00Z", "duration": 90,
                 "timezone": "Asia/Seoul", "agenda": "${json-unit.any-string}"}
                """)));
        assertThat(meetings.ofSession(studio.classSessionId)).singleElement()
                .satisfies(m -> assertThat(m.startsAt()).isEqualTo(Instant.parse("2030-01-12T03:00:00Z")));
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/v2/users/me/meetings"))
                .withRequestBody(containing("Morning Flow")));
    }

    @Test
    void s11_aCancelledSessionLosesItsMeeting() throws Exception {
        runRelinkOfSite();
        String meetingId = meetings.ofSession(studio.classSessionId).get(0).meetingId();

        studio.ownerApi.post("/api/sessions/" + studio.classSessionId + "/cancellation", "").andExpect(status().isOk());
        runJobsOf(studio.classSessionId);

        ZoomStandIn.server().verify(deleteRequestedFor(urlEqualTo("/v2/meetings/" + meetingId)));
        assertThat(meetings.ofSession(studio.classSessionId)).isEmpty();
    }

    @Test
    void s11_aSessionWhoseLinkStaffRemovedLosesItsMeetingAndGetsANewOneWhenTheRemovalIsUndone() throws Exception {
        runRelinkOfSite();
        String meetingId = meetings.ofSession(studio.classSessionId).get(0).meetingId();

        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link").andExpect(status().isOk());
        runJobsOf(studio.classSessionId);
        ZoomStandIn.server().verify(deleteRequestedFor(urlEqualTo("/v2/meetings/" + meetingId)));
        assertThat(meetings.ofSession(studio.classSessionId)).isEmpty();

        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link-override").andExpect(status().isOk());
        runJobsOf(studio.classSessionId);
        assertThat(meetings.ofSession(studio.classSessionId)).singleElement()
                .satisfies(m -> assertThat(m.meetingId()).isNotEqualTo(meetingId));
    }

    @Test
    void s11_s20_aSessionThatGoesOfflineLosesItsMeetingAndGetsOneWhenItComesBackOnline() throws Exception {
        runRelinkOfSite();
        String meetingId = meetings.ofSession(studio.classSessionId).get(0).meetingId();

        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/online", "{\"online\": false}").andExpect(status().isOk());
        runJobsOf(studio.classSessionId);
        ZoomStandIn.server().verify(deleteRequestedFor(urlEqualTo("/v2/meetings/" + meetingId)));
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("NONE"));

        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/online", "{\"online\": true}").andExpect(status().isOk());
        runJobsOf(studio.classSessionId);
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("SHOWN"));
    }

    @Test
    void twoChangesBeforeTheJobsRunStillMakeOneMeeting() throws Exception {
        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/schedule", """
                {"startsAt": "2030-01-12T03:00:00Z", "endsAt": "2030-01-12T04:00:00Z"}
                """).andExpect(status().isOk());
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(studio.classSessionId)).count()).isEqualTo(1);

        runRelinkOfSite();
        runJobsOf(studio.classSessionId);

        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/v2/users/me/meetings")).withRequestBody(containing("Morning Flow")));
        ZoomStandIn.server().verify(0, patchRequestedFor(urlPathMatching("/v2/meetings/.*")));
        assertThat(meetings.ofSession(studio.classSessionId)).singleElement()
                .satisfies(m -> assertThat(m.startsAt()).isEqualTo(Instant.parse("2030-01-12T03:00:00Z")));
    }

    @Test
    void aSessionWithASharedLinkStartsNoProcess() throws Exception {
        long sessionId = schedule(studio.courseId, "2030-03-01T10:00:00Z", "2030-03-01T11:00:00Z");
        assertThat(runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(sessionId)).count()).isZero();
    }

    @Test
    void whenZoomKeepsFailingTheRetriesEndInAnIncidentNamingTheSessionAndTheHost() throws Exception {
        ZoomStandIn.server().stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(503)));
        long sessionId = schedule(studio.classId, "2030-02-03T01:00:00Z", "2030-02-03T02:00:00Z");
        ProcessInstance process = onlyProcessOf(sessionId);

        for (int attempt = 0; attempt < 6 && incidents(process).isEmpty(); attempt++) {
            runJobsOf(sessionId);
        }

        assertThat(incidents(process)).singleElement().satisfies(incident -> {
            assertThat(incident.getActivityId()).isEqualTo("syncZoomMeeting");
            assertThat(incident.getIncidentMessage()).contains("session " + sessionId)
                    .contains("hana@example.com").contains("503").doesNotContain("access-1");
        });
        assertThat(process).isWaitingAt("syncZoomMeeting");
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("PENDING"));
        assertThat(meetings.ofSession(sessionId)).isEmpty();
    }

    @Test
    void s5_aMeetingZoomMadeWithoutEverAnsweringIsKeptByTheJobsRetryInsteadOfMadeTwice() throws Exception {
        // Zoom creates the meeting but every answer is a 503: the job's attempt fails, its creation stays in doubt
        ZoomStandIn.server().stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(503)));
        long sessionId = schedule(studio.classId, "2030-02-03T01:00:00Z", "2030-02-03T02:00:00Z");
        ProcessInstance process = onlyProcessOf(sessionId);
        runJobsOf(sessionId);
        assertThat(process).isWaitingAt("syncZoomMeeting");
        assertThat(meetings.ofSession(sessionId)).isEmpty();

        // the job's retry finds it in the host's Zoom by the reference its agenda carries, and posts nothing
        ZoomStandIn.server().resetRequests();
        ZoomStandIn.server().stubFor(get(urlPathEqualTo("/v2/users/me/meetings")).willReturn(okJson("""
                {"next_page_token": "", "meetings": [{"id": 86000000042, "start_time": "2030-02-03T01:00:00Z",
                  "agenda": "Mina Yoga\\n\\nvideolinks session %d"}]}
                """.formatted(sessionId))));
        ZoomStandIn.server().stubFor(get(urlEqualTo("/v2/meetings/86000000042")).willReturn(okJson("""
                {"id": 86000000042, "join_url": "https://zoom.example.com/j/86000000042", "password": "kept42"}
                """)));
        runJobsOf(sessionId);

        assertThat(process).isEnded().hasPassed("meetingInSync");
        assertThat(meetings.ofSession(sessionId)).singleElement()
                .satisfies(meeting -> assertThat(meeting.meetingId()).isEqualTo("86000000042"));
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.link.url").value("https://zoom.example.com/j/86000000042"));
    }

    @Test
    void aHostPastItsDailyCreationsWaitsAtTheTimerUntilTheNextUtcDayThenCreatesTheMeeting() throws Exception {
        jdbc.sql("insert into zoom_daily_quota (account_id, quota_day, used) values (:id, :day, 100)")
                .param("id", accountId).param("day", Date.valueOf(LocalDate.now(ZoneOffset.UTC))).update();
        long sessionId = schedule(studio.classId, "2030-02-03T01:00:00Z", "2030-02-03T02:00:00Z");
        ProcessInstance process = onlyProcessOf(sessionId);

        runJobsOf(sessionId);

        assertThat(process).isWaitingAt("waitForZoomQuota");
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/v2/users/me/meetings")).withRequestBody(containing("Morning Flow")));

        jdbc.sql("delete from zoom_daily_quota where account_id = :id").param("id", accountId).update(); // a new day
        management.executeJob(timer.getId());
        runJobsOf(sessionId);

        assertThat(process).isEnded().hasPassed("waitForZoomQuota", "meetingInSync");
        assertThat(meetings.ofSession(sessionId)).hasSize(1);
    }

    @Test
    void zoomsRetryAfterIsWhenTheProcessTriesAgain() throws Exception {
        ZoomStandIn.server().stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "900")));
        long sessionId = schedule(studio.classId, "2030-02-03T01:00:00Z", "2030-02-03T02:00:00Z");
        ProcessInstance process = onlyProcessOf(sessionId);

        runJobsOf(sessionId);

        assertThat(process).isWaitingAt("waitForZoomQuota");
        Job timer = management.createJobQuery().processInstanceId(process.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isBetween(Instant.now().plusSeconds(840), Instant.now().plusSeconds(960));
    }

    @Test
    void aRevokedHostEndsTheProcessAtHostDisconnectedAndTheBusinessIsAlerted() throws Exception {
        jdbc.sql("update zoom_credential set expires_at = :at where account_id = :id")
                .param("at", Timestamp.from(Instant.now().plusSeconds(30))).param("id", accountId).update();
        ZoomStandIn.server().stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(aResponse().withStatus(400).withBody("{\"reason\":\"Invalid Token!\",\"error\":\"invalid_grant\"}")));
        long sessionId = schedule(studio.classId, "2030-02-03T01:00:00Z", "2030-02-03T02:00:00Z");
        ProcessInstance process = onlyProcessOf(sessionId);

        runJobsOf(sessionId);

        assertThat(process).isEnded().hasPassed("hostAccountDisconnected");
        assertThat(incidents(process)).isEmpty();
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/alerts")
                .andExpect(jsonPath("$[0].code").value("zoom-account-disconnected"));
        // not silent and not pending forever: the session now shows the site default, and the business knows why
        studio.ownerApi.get(studio.link(sessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN")).andExpect(jsonPath("$.source").value("SITE_DEFAULT"));
    }

    private long schedule(long serviceId, String startsAt, String endsAt) throws Exception {
        String json = studio.ownerApi.post("/api/services/" + serviceId + "/sessions", """
                {"staffId": %d, "startsAt": "%s", "endsAt": "%s"}
                """.formatted(studio.staffId, startsAt, endsAt)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }

    private ProcessInstance onlyProcessOf(long sessionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(sessionId)).singleResult();
    }

    /** Runs the site's account-relink runs (the Zoom connect of @BeforeEach started one) until each ends or waits. */
    private void runRelinkOfSite() {
        for (int round = 0; round < 50; round++) {
            List<Job> jobs = runtime.createProcessInstanceQuery().processDefinitionKey(AccountRelinkTrigger.PROCESS_ID)
                    .processInstanceBusinessKey(AccountRelinkTrigger.businessKey(studio.siteId)).active().list().stream()
                    .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().withRetriesLeft()
                            .list().stream()).toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    /** Runs the due async jobs of the session's processes, oldest first, as the job executor would. */
    private void runJobsOf(long sessionId) {
        List<ProcessInstance> processes = runtime.createProcessInstanceQuery()
                .processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(sessionId)).active().list();
        for (ProcessInstance process : processes) {
            for (Job job : management.createJobQuery().processInstanceId(process.getId()).messages().withRetriesLeft().list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException failed) {
                    // recorded on the job (retries, exception message), as with the job executor
                }
            }
        }
    }

    private List<Incident> incidents(ProcessInstance process) {
        return runtime.createIncidentQuery().processInstanceId(process.getId()).list();
    }

}
