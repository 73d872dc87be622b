package com.videolinks.workflow;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.support.MutableClock;
import com.videolinks.support.ZoomStandIn;
import com.videolinks.support.ZoomTestBase;

/**
 * #13 item 5, #14: a change of the site's default account is one paged account-relink run, not a process per
 * session: it surveys the sessions, creates their Zoom meetings within the host's 100 creations a UTC day, waits at
 * the timer for the next quota day when they are spent (time moved by a controllable clock), tells the booked
 * customers of every effective change, shows its progress and expected finish to the owner, and gives way to a newer
 * change. (The job executor is off in tests: jobs run here, one by one.)
 */
class AccountRelinkProcessTest extends ZoomTestBase {

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

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
    @Autowired
    Clock clock;
    @Autowired
    AccountRelinkProgress progress;

    List<Long> extraSessions;

    @BeforeEach
    void moreSessionsOfTheSite() throws Exception {
        AbstractAssertions.init(engine);
        extraSessions = List.of(session("2030-02-01T01:00:00Z"), session("2030-02-02T01:00:00Z"),
                session("2030-02-03T01:00:00Z"));
        ZoomStandIn.server().stubFor(post(urlEqualTo("/oauth/token")).withRequestBody(containing("grant_type=refresh_token"))
                .willReturn(okJson("""
                        {"access_token": "access-2", "refresh_token": "refresh-2", "expires_in": 3600, "token_type": "bearer"}
                        """)));
    }

    @Test
    void aDefaultAccountChangeIsOnePagedRunThatWaitsForTheNextQuotaDayAndThenFinishes() throws Exception {
        long accountId = connectDefaultZoom(studio.ownerApi, studio.siteId);
        ProcessInstance relink = latestRelink();
        assertThat(runtime.createProcessInstanceQuery().processDefinitionKey(ZoomProvisioningTrigger.PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(extraSessions.get(0))).count()).as("no process per session").isZero();
        // the host has 2 of today's 100 creations left
        jdbc.sql("insert into zoom_daily_quota (account_id, quota_day, used) values (:id, :day, 98)")
                .param("id", accountId).param("day", Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)))
                .update();

        runMessageJobs(relink);

        assertThat(relink).isWaitingAt("waitForZoom");
        long total = number(relink, "sessionsTotal");
        long needed = number(relink, "creationsNeeded");
        assertThat(total).isGreaterThanOrEqualTo(6); // the fixture's class, one-on-one, course session and ours
        assertThat(needed).isGreaterThanOrEqualTo(5);
        ZoomStandIn.server().verify(2, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        Instant nextDay = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        Job timer = management.createJobQuery().processInstanceId(relink.getId()).timers().singleResult();
        assertThat(timer.getDuedate().toInstant()).isEqualTo(nextDay);
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/account-relink").andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("WAITING_FOR_ZOOM"))
                .andExpect(jsonPath("$.total").value(total))
                .andExpect(jsonPath("$.waitingForQuota").value(needed - 2))
                .andExpect(jsonPath("$.done").value(total - (needed - 2)))
                .andExpect(jsonPath("$.creationsNeeded").value(needed))
                .andExpect(jsonPath("$.expectedFinish").value(nextDay.toString()))
                .andExpect(jsonPath("$.resumesAt").value(nextDay.toString()));
        everyBookedSessionWithAMeetingWasAnnouncedWithIt();

        ((MutableClock) clock).advance(Duration.ofDays(1)); // the next quota day
        management.executeJob(timer.getId());
        runMessageJobs(relink);

        assertThat(relink).isEnded().hasPassed("waitForZoom", "sessionsRelinked");
        ZoomStandIn.server().verify((int) needed, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        for (long sessionId : extraSessions) {
            assertThat(meetings.ofSession(sessionId)).singleElement()
                    .satisfies(meeting -> assertThat(meeting.accountId()).isEqualTo(accountId));
        }
        // (a day later the test's sign-in tokens have expired: the owner's API reads this same progress)
        assertThat(progress.latest(studio.siteId)).hasValueSatisfying(latest -> {
            assertThat(latest.state()).isEqualTo("ENDED");
            assertThat(latest.endActivity()).isEqualTo("sessionsRelinked");
            assertThat(latest.done()).isEqualTo(total);
            assertThat(latest.waitingForQuota()).isZero();
        });
        everyBookedSessionWithAMeetingWasAnnouncedWithIt();
    }

    @Test
    void aNewerChangeOfTheDefaultAccountSupersedesTheRunningRelink() throws Exception {
        connectDefaultZoom(studio.ownerApi, studio.siteId);
        ProcessInstance first = latestRelink();
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/back-again"}}
                """).andExpect(status().isOk());
        ProcessInstance second = latestRelink();
        assertThat(second.getId()).isNotEqualTo(first.getId());

        runMessageJobs(first);
        runMessageJobs(second);

        assertThat(first).isEnded().hasPassed("supersededByNewerChange");
        assertThat(second).isEnded().hasPassed("sessionsRelinked");
        ZoomStandIn.server().verify(0, postRequestedFor(urlEqualTo("/v2/users/me/meetings")));
        studio.ownerApi.get(studio.link(extraSessions.get(0), "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.status").value("SHOWN"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/back-again"));
    }

    @Test
    void aSiteWhoseAccountNeverChangedHasNoRelinkToShow() throws Exception {
        long otherSite = studio.operatorApi.create("/api/sites", """
                {"name": "Quiet %s", "plan": "BUSINESS", "timeZone": "Asia/Seoul", "owner": "%s"}
                """.formatted(System.nanoTime(), studio.owner));
        studio.ownerApi.get("/api/sites/" + otherSite + "/account-relink").andExpect(status().isNotFound());
    }

    /**
     * #13: each booked session's customer was told of the change (custom link to "the Zoom link will follow"), and
     * the state the notices compare with was recorded after the meeting was: its link shows the meeting (the
     * pending-to-shown step is the link-ready email's, LinkReadyFollowUps).
     */
    private void everyBookedSessionWithAMeetingWasAnnouncedWithIt() {
        for (long sessionId : List.of(studio.classSessionId, studio.oneOnOneSessionId, studio.courseFutureSessionId)) {
            Integer announced = jdbc.sql("""
                    select count(*) from notification_outbox
                    where kind = 'LINK_CHANGED' and session_id = :id and customer_id = :customer
                    """).param("id", sessionId).param("customer", studio.customerId).query(Integer.class).single();
            assertThat(announced).as("link-changed notices of session %d", sessionId).isPositive();
            var meeting = meetings.ofSession(sessionId).stream().findFirst();
            if (meeting.isPresent()) {
                String state = jdbc.sql("select state from session_link_state where session_id = :id")
                        .param("id", sessionId).query(String.class).single();
                assertThat(state).as("session %d's recorded link state", sessionId).contains(meeting.get().joinUrl());
            }
        }
    }

    private ProcessInstance latestRelink() {
        return runtime.createProcessInstanceQuery().processDefinitionKey(AccountRelinkTrigger.PROCESS_ID)
                .processInstanceBusinessKey(AccountRelinkTrigger.businessKey(studio.siteId)).active().orderByProcessInstanceId().desc()
                .list().stream().filter(p -> runtime.getVariable(p.getId(), "staffId") == null)
                .max(java.util.Comparator.comparing(p -> ((Number) runtime.getVariable(p.getId(), "relinkId")).longValue()))
                .orElseThrow();
    }

    /** Runs the run's due async jobs until it ends or waits at a timer, as the job executor would. */
    private void runMessageJobs(ProcessInstance process) {
        for (int round = 0; round < 100; round++) {
            List<Job> jobs = management.createJobQuery().processInstanceId(process.getId()).messages()
                    .withRetriesLeft().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> management.executeJob(job.getId()));
        }
    }

    private long number(ProcessInstance process, String variable) {
        return ((Number) engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(variable).singleResult().getValue()).longValue();
    }

    private long session(String startsAt) throws Exception {
        String json = studio.ownerApi.post("/api/services/" + studio.classId + "/sessions", """
                {"staffId": %d, "startsAt": "%s", "endsAt": "%s"}
                """.formatted(studio.staffId, startsAt, Instant.parse(startsAt).plusSeconds(3600)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
