package com.videolinks.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/**
 * #14: a Zoom meeting job calls Zoom with no transaction of ours open and no row lock held. While the stand-in takes
 * its time to create the meeting, another transaction locks the session's sync row (with a lock timeout far shorter
 * than the delay) and the owner moves the session over HTTP — neither waits for Zoom. The job then sees the move it
 * did not plan for and syncs again: the meeting ends at the new time, created once.
 */
class ZoomCallsOutsideLocksTest extends ZoomTestBase {

    private static final int ZOOM_DELAY_MS = 1500; // well below the suite's 4 s read timeout, so Zoom answers once
    private static final int H2_DEFAULT_LOCK_TIMEOUT_MS = 10_000;

    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ZoomMeetings meetings;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void whileZoomCreatesTheMeetingTheSessionCanBeLockedAndMovedAndTheJobSyncsTheMoveAfterwards() throws Exception {
        connectStaffZoom(studio.staffApi, studio.staffId);
        ZoomStandIn.server().stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(ZOOM_DELAY_MS).withHeader("Content-Type", "application/json").withBody("""
                        {"id": 81234567890, "join_url": "https://zoom.example.com/j/81234567890", "password": "slow1"}
                        """)));
        long sessionId = schedule("2030-03-01T01:00:00Z");
        Job job = jobsOf(sessionId).get(0);

        CompletableFuture<Void> provisioning = CompletableFuture.runAsync(() -> management.executeJob(job.getId()));
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(10)).until(() -> claimed(sessionId));

        // Zoom is being called now: the sync row is not locked ...
        TransactionTemplate other = new TransactionTemplate(transactions);
        other.setTimeout(5);
        other.executeWithoutResult(status -> {
            jdbc.sql("set lock_timeout 300").update(); // H2: fail fast instead of waiting for a held lock
            try {
                jdbc.sql("select session_id from zoom_session_sync where session_id = :id for update")
                        .param("id", sessionId).query(Long.class).single();
                jdbc.sql("update session set capacity = capacity where id = :id").param("id", sessionId).update();
            } finally {
                jdbc.sql("set lock_timeout " + H2_DEFAULT_LOCK_TIMEOUT_MS).update(); // the connection goes back to the pool
            }
        });
        // ... and the owner moves the session without waiting for Zoom either
        studio.ownerApi.put("/api/sessions/" + sessionId + "/schedule", """
                {"startsAt": "2030-03-01T05:00:00Z", "endsAt": "2030-03-01T06:00:00Z"}
                """).andExpect(status().isOk());
        assertThat(provisioning).as("the job is still waiting for Zoom's answer").isNotDone();

        provisioning.get(30, TimeUnit.SECONDS);

        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        ZoomStandIn.server().verify(1, patchRequestedFor(urlPathMatching("/v2/meetings/81234567890")));
        assertThat(meetings.ofSession(sessionId)).singleElement().satisfies(meeting -> {
            assertThat(meeting.meetingId()).isEqualTo("81234567890");
            assertThat(meeting.startsAt()).isEqualTo(Instant.parse("2030-03-01T05:00:00Z"));
        });
        assertThat(claimed(sessionId)).as("claim released").isFalse();
        // the move's own provisioning run finds the meeting in sync: nothing more goes to Zoom
        for (Job next : jobsOf(sessionId)) {
            management.executeJob(next.getId());
        }
        ZoomStandIn.server().verify(1, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        ZoomStandIn.server().verify(1, patchRequestedFor(urlPathMatching("/v2/meetings/.*")));
    }

    private java.util.List<Job> jobsOf(long sessionId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(sessionId)).active().list().stream()
                .flatMap(p -> management.createJobQuery().processInstanceId(p.getId()).messages().list().stream())
                .toList();
    }

    private boolean claimed(long sessionId) {
        return jdbc.sql("select count(*) from zoom_session_sync where session_id = :id and claim_token is not null")
                .param("id", sessionId).query(Integer.class).single() > 0;
    }

    private long schedule(String startsAt) throws Exception {
        String json = studio.ownerApi.post("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "%s", "endsAt": "%s"}
                """.formatted(studio.staffId, startsAt, Instant.parse(startsAt).plusSeconds(3600)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
