package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.web.servlet.MockMvc;

import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.notification.LinkChangeNotifications.CourseDelivery;
import com.videolinks.security.AppUsers;
import com.videolinks.support.StudioFixture;

/**
 * #14 item 4: following a course's emails is bounded. Without an SMTP server (the embedded default, this context) the
 * run ends once every email waits in the outbox, instead of polling for ever; with one, the checks back off and stop
 * after {@code course-delivery-max-wait}.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CourseDeliveryBoundsTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    ProcessEngine engine;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;

    @Test
    void s19_withoutAnSmtpServerTheRunEndsOnceEveryEmailWaitsInTheOutbox() throws Exception {
        AbstractAssertions.init(engine);
        StudioFixture studio = new StudioFixture(mvc, users);
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link",
                "{\"url\": \"https://meet.example.com/no-smtp-course\"}");
        ProcessInstance process = runtime.createProcessInstanceQuery().processDefinitionKey("course-link-update")
                .processInstanceBusinessKey(String.valueOf(studio.courseId)).singleResult();
        for (int i = 0; i < 10 && !runtime.createProcessInstanceQuery().processInstanceId(process.getId()).list().isEmpty(); i++) {
            Job job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
            assertThat(job).as("the run waits for nothing but its own jobs").isNotNull();
            assertThat(job.getDuedate()).as("no delivery timer").isNull();
            management.executeJob(job.getId());
        }
        assertThat(process).isEnded().hasPassed("emailsWaitInOutbox").hasNotPassed("waitForDelivery", "checkDelivery");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?status=PENDING")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .jsonPath("$[?(@.kind == 'LINK_CHANGED')]").isNotEmpty());
    }

    @Test
    void deliveryChecksBackOffFromTheFirstWaitToTheLongestAndNoFurther() {
        WorkflowTimers timers = new WorkflowTimers("P1D", "P7D", "PT5S", "PT5M", "P2D");
        assertThat(timers.courseDeliveryWaitAfter(0)).isEqualTo("PT5S");
        assertThat(timers.courseDeliveryWaitAfter(1)).isEqualTo("PT10S");
        assertThat(timers.courseDeliveryWaitAfter(3)).isEqualTo("PT40S");
        assertThat(timers.courseDeliveryWaitAfter(6)).isEqualTo("PT5M");
        assertThat(timers.courseDeliveryWaitAfter(1000)).isEqualTo("PT5M");
        assertThat(timers.courseDeliveryWaitAfter(null)).isEqualTo("PT5S");
    }

    @Test
    void afterTheMaximumWaitWithEmailsStillPendingTheRunStopsFollowingAndSaysWhy() throws Exception {
        Instant start = Instant.parse("2026-12-01T10:00:00Z");
        LinkChangeNotifications notifications = mock(LinkChangeNotifications.class);
        when(notifications.courseDelivery(7, 2)).thenReturn(new CourseDelivery(3, 10, 0, 0));
        WorkflowTimers timers = new WorkflowTimers("P1D", "P7D", "PT5S", "PT5M", "P2D");
        Map<String, Object> variables = new HashMap<>(Map.of(CourseVariables.COURSE_ID, 7L, CourseVariables.LINK_VERSION, 2,
                CourseVariables.DELIVERY_WAIT_OVER, false));
        DelegateExecution execution = execution(variables);

        new CourseDeliveryTracking(notifications, timers, Clock.fixed(start, ZoneOffset.UTC)).execute(execution);
        new CourseDeliveryTracking(notifications, timers,
                Clock.fixed(start.plus(Duration.ofDays(2)).minusSeconds(1), ZoneOffset.UTC)).execute(execution);
        assertThat(variables).containsEntry(CourseVariables.DELIVERY_WAIT_OVER, false)
                .containsEntry(CourseVariables.DELIVERY_CHECKS, 2);

        new CourseDeliveryTracking(notifications, timers, Clock.fixed(start.plus(Duration.ofDays(2)), ZoneOffset.UTC))
                .execute(execution);
        assertThat(variables).containsEntry(CourseVariables.DELIVERY_WAIT_OVER, true)
                .containsEntry(CourseVariables.PENDING, 3L);
        assertThat((String) variables.get(CourseVariables.END_REASON))
                .contains("stopped following delivery after P2D", "3 emails still pending");
    }

    private static DelegateExecution execution(Map<String, Object> variables) {
        DelegateExecution execution = mock(DelegateExecution.class);
        when(execution.getVariable(anyString())).thenAnswer(call -> variables.get(call.<String>getArgument(0)));
        doAnswer(call -> variables.put(call.getArgument(0), call.getArgument(1))).when(execution)
                .setVariable(anyString(), org.mockito.ArgumentMatchers.any());
        return execution;
    }
}
