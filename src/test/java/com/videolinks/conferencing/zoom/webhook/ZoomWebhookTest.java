package com.videolinks.conferencing.zoom.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.ResultActions;

import com.videolinks.conferencing.ZoomMeeting;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/** Zoom's webhooks: signed and fresh or refused; a meeting deleted or changed in Zoom is noticed and repaired. */
class ZoomWebhookTest extends ZoomTestBase {

    @Autowired
    ZoomMeetings meetings;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @MockitoSpyBean
    ZoomMeetingEvents meetingEvents;

    long accountId;

    @BeforeEach
    void hanasSessionHasAMeeting() throws Exception {
        accountId = connectStaffZoom(studio.staffApi, studio.staffId);
        runRelinksOfSite(); // the connection's one account-relink run creates the meetings (#13 item 5)
        assertThat(meetings.ofSession(studio.classSessionId)).hasSize(1);
    }

    @Test
    void zoomsEndpointValidationChallengeIsAnsweredWithTheHmacOfThePlainToken() throws Exception {
        signed("""
                {"event": "endpoint.url_validation", "event_ts": 1654503849680, "payload": {"plainToken": "qgg8vlvZRS6UYooatFL8Aw"}}
                """, now())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.plainToken").value("qgg8vlvZRS6UYooatFL8Aw"))
                .andExpect(jsonPath("$.encryptedToken").value(hmac("qgg8vlvZRS6UYooatFL8Aw")));
    }

    @Test
    void aRequestWithoutAValidSignatureIsRefused() throws Exception {
        String body = deleted(meeting().meetingId());
        String timestamp = now();
        send(body, timestamp, "v0=" + hmac("v0:" + timestamp + ":" + body.replace("meeting.deleted", "meeting.updated")))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("webhook-refused"));
        send(body, timestamp, null).andExpect(status().isUnauthorized());
        send(body, timestamp, "v0=" + HexFormat.of().formatHex(new byte[32])).andExpect(status().isUnauthorized());
        assertThat(meetings.ofSession(studio.classSessionId)).hasSize(1);
    }

    @Test
    void aStaleRequestIsRefusedEvenWithAGoodSignature() throws Exception {
        String body = deleted(meeting().meetingId());
        signed(body, String.valueOf(Instant.now().minusSeconds(6 * 60).getEpochSecond()))
                .andExpect(status().isUnauthorized());
        assertThat(meetings.ofSession(studio.classSessionId)).hasSize(1);
    }

    @Test
    void theSameRequestReplayedIsRefused() throws Exception {
        String body = "{\"event\": \"meeting.started\", \"payload\": {\"object\": {\"id\": 1}}}";
        String timestamp = now();
        signed(body, timestamp).andExpect(status().isOk());
        signed(body, timestamp).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("replayed")));
    }

    @Test
    void aDeliveryWhoseProcessingFailsIsAppliedWhenZoomRedeliversItAndOnlyOnce() throws Exception { // #11
        ZoomMeeting old = meeting();
        String body = deleted(old.meetingId());
        String timestamp = now();
        doThrow(new org.springframework.dao.QueryTimeoutException("the database did not answer"))
                .doCallRealMethod().when(meetingEvents).deleted(any());

        // the first delivery fails: nothing of it stays, not even its replay receipt
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> signed(body, timestamp))
                .hasRootCauseInstanceOf(org.springframework.dao.QueryTimeoutException.class);
        assertThat(meeting().meetingId()).isEqualTo(old.meetingId());

        // Zoom redelivers the very same request: applied now
        signed(body, timestamp).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value("meeting of session " + studio.classSessionId + " marked broken"));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("PENDING"));

        // and a third copy is the replay
        signed(body, timestamp).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.detail").value("this exact request was received before (replayed)"));
        verify(meetingEvents, times(2)).deleted(any());
    }

    @Test
    void aMeetingDeletedInZoomIsMarkedBrokenReprovisionedAndTheBusinessAlerted() throws Exception {
        ZoomMeeting old = meeting();

        signed(deleted(old.meetingId()), now()).andExpect(status().isOk());

        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("PENDING"));
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/alerts")
                .andExpect(jsonPath("$[0].code").value("zoom-meeting-deleted"))
                .andExpect(jsonPath("$[0].sessionIds[0]").value(studio.classSessionId));
        runJobs(studio.classSessionId);
        assertThat(meeting().meetingId()).isNotEqualTo(old.meetingId());
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("SHOWN"));
    }

    @Test
    void ourOwnChangesEchoedBackByZoomAreIgnored() throws Exception {
        ZoomMeeting mine = meeting();
        long before = runtime.createProcessInstanceQuery().count();

        signed("""
                {"event": "meeting.updated", "payload": {"object": {"id": %s, "start_time": "%s", "duration": %d}}}
                """.formatted(mine.meetingId(), mine.startsAt(), mine.durationMinutes()), now()).andExpect(status().isOk());

        assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(before);
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("SHOWN"));
    }

    @Test
    void aMeetingMovedInZoomIsHeldBackThenPutBackToTheSessionsTime() throws Exception {
        ZoomMeeting mine = meeting();

        signed("""
                {"event": "meeting.updated", "payload": {"object": {"id": %s, "start_time": "2030-01-10T05:00:00Z"}}}
                """.formatted(mine.meetingId()), now()).andExpect(status().isOk());

        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS")).andExpect(jsonPath("$.status").value("PENDING"));
        ZoomStandIn.server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.get("/v2/meetings/" + mine.meetingId())
                .willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson("""
                        {"id": %s, "join_url": "%s", "password": "%s", "start_time": "2030-01-10T05:00:00Z"}
                        """.formatted(mine.meetingId(), mine.joinUrl(), mine.password()))));
        runJobs(studio.classSessionId);

        ZoomStandIn.server().verify(com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo("/v2/meetings/" + mine.meetingId()))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("\"start_time\":\"" + "2030-01-10T01:00:00Z")));
        studio.ownerApi.get(studio.link(studio.classSessionId, "MY_BOOKINGS"))
                .andExpect(jsonPath("$.status").value("SHOWN")).andExpect(jsonPath("$.link.url").value(mine.joinUrl()));
    }

    @Test
    void eventsForMeetingsThatAreNotOursChangeNothing() throws Exception {
        signed(deleted("99999999999"), now()).andExpect(status().isOk())
                .andExpect(jsonPath("$.result").value(org.hamcrest.Matchers.startsWith("ignored")));
    }

    private ZoomMeeting meeting() {
        return meetings.ofSession(studio.classSessionId).get(0);
    }

    private static String deleted(String meetingId) {
        return """
                {"event": "meeting.deleted", "event_ts": 1700000000000,
                 "payload": {"account_id": "acc", "object": {"id": %s, "uuid": "u", "host_id": "h", "topic": "Morning Flow"}}}
                """.formatted(meetingId);
    }

    private ResultActions signed(String body, String timestamp) throws Exception {
        return send(body, timestamp, "v0=" + hmac("v0:" + timestamp + ":" + body));
    }

    /** No HTTP Basic: Zoom has no password here, only the signature. */
    private ResultActions send(String body, String timestamp, String signature) throws Exception {
        var request = post("/api/zoom/webhooks").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("x-zm-request-timestamp", timestamp);
        if (signature != null) {
            request.header("x-zm-signature", signature);
        }
        return mvc.perform(request);
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    private static String hmac(String message) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ZoomStandIn.WEBHOOK_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
    }

    private void runRelinksOfSite() {
        for (int round = 0; round < 20; round++) {
            List<Job> jobs = runtime.createProcessInstanceQuery().processDefinitionKey("account-relink")
                    .processInstanceBusinessKey("site-" + studio.siteId).active().list().stream()
                    .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().list().stream())
                    .toList();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private void runJobs(long sessionId) {
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(String.valueOf(sessionId)).active().list()
                .forEach(process -> {
                    for (Job job : management.createJobQuery().processInstanceId(process.getId()).messages().list()) {
                        management.executeJob(job.getId());
                    }
                });
    }
}
