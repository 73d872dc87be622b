package com.videolinks.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.notification.OutboxSending;
import com.videolinks.security.AppUsers;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.StudioFixture;

/**
 * The course-link-update process (S18, S19, S21) end to end: the edit through the API, the process keyed by course
 * id, customers paged in chunks of 2 (one job per chunk, never one execution per customer), progress variables,
 * real emails through an in-process SMTP server (GreenMail), supersession by a newer edit, an incident when emails
 * stay undeliverable. (The job executor and the outbox scheduler are off in tests: jobs and sending run here.)
 */
@SpringBootTest(properties = {
        "videolinks.notifications.course-chunk-size=2",
        "videolinks.notifications.retry.max-attempts=1",
        "videolinks.notifications.retry.initial-backoff=1ms",
        "videolinks.notifications.retry.max-backoff=1ms",
        "videolinks.processes.workflow-retry-cycle=R2/PT0S"})
@AutoConfigureMockMvc
class CourseLinkUpdateProcessTest {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

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
    @Autowired
    ApplicationContext context;

    GreenMail smtp;
    StudioFixture studio;
    List<String> customerEmails = new ArrayList<>();

    @BeforeEach
    void studioWithFiveCourseCustomers() throws Exception {
        AbstractAssertions.init(engine);
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        studio = new StudioFixture(mvc, users);
        customerEmails.add(null); // Soyeon's address is not needed: she is counted like the others
        for (int i = 1; i <= 4; i++) {
            String email = "course-" + i + "-" + studio.owner + "@example.com";
            long customer = studio.ownerApi.create("/api/sites/" + studio.siteId + "/customers", """
                    {"name": "Customer %d", "email": "%s", "locale": "en"}
                    """.formatted(i, email));
            studio.ownerApi.create("/api/sessions/" + studio.courseFutureSessionId + "/bookings",
                    "{\"customerId\": " + customer + "}");
            customerEmails.add(email);
        }
        OutboxSending.dispatchDue(context); // booking confirmations go now, not in the middle of a test
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void s19_aCourseLinkEditNotifiesEveryCustomerInChunksAndShowsProgressUntilEveryEmailIsSent() throws Exception {
        editCourseLink("https://meet.example.com/course-v1", 1);
        ProcessInstance process = instanceOf(studio.courseId);
        assertThat(process).isWaitingAt("countCourseRecipients");
        assertThat(process.getBusinessKey()).isEqualTo(String.valueOf(studio.courseId));

        runJob(process); // count
        assertThat(process).isWaitingAt("notifyCustomerChunk").variables()
                .containsEntry("recipientsTotal", 5L).containsEntry("recipientsQueued", 0L);
        runJob(process); // customers 1-2
        assertThat(process).isWaitingAt("notifyCustomerChunk").variables().containsEntry("recipientsQueued", 2L);
        runJob(process); // 3-4
        runJob(process); // 5, the last page
        assertThat(process).isWaitingAt("waitForDelivery").hasNotPassed("checkDelivery").variables()
                .containsEntry("recipientsQueued", 5L).containsEntry("allQueued", true);

        runJob(process); // timer: nothing sent yet
        runJob(process);
        assertThat(process).isWaitingAt("waitForDelivery").hasPassed("checkDelivery").variables()
                .containsEntry("recipientsPending", 5L).containsEntry("recipientsSent", 0L);

        OutboxSending.dispatchDue(context);
        runJob(process);
        runJob(process);

        assertThat(process).isEnded().hasPassed("customersNotified").variables()
                .containsEntry("recipientsSent", 5L).containsEntry("recipientsFailed", 0L);
        for (String email : customerEmails.subList(1, customerEmails.size())) {
            List<ReceivedMail> mails = ReceivedMail.to(smtp.getReceivedMessages(), email);
            assertThat(mails).as(email).hasSize(2); // booking confirmation + link changed
            assertThat(mails.get(1).text()).contains("https://meet.example.com/course-v1");
        }
    }

    @Test
    void s19_aNewerEditSupersedesTheRunningInstanceAndNoCustomerIsToldTheStaleLinkAfterTheNewOne() throws Exception {
        editCourseLink("https://meet.example.com/course-v1", 1);
        ProcessInstance first = instanceOf(studio.courseId);
        runJob(first);
        runJob(first); // two customers queued with version 1

        editCourseLink("https://meet.example.com/course-v2", 2);
        runJob(first);

        assertThat(first).isEnded().hasPassed("supersededByNewerEdit").hasNotPassed("customersNotified");
        assertThat((String) historicVariable(first, "endReason")).contains("version 2");
        ProcessInstance second = instanceOf(studio.courseId);
        while (!second.isEnded() && !isWaitingAt(second, "waitForDelivery")) {
            runJob(second);
        }
        OutboxSending.dispatchDue(context);
        runJob(second);
        runJob(second);
        assertThat(second).isEnded().hasPassed("customersNotified");
        for (String email : customerEmails.subList(1, customerEmails.size())) {
            List<ReceivedMail> linkMails = ReceivedMail.to(smtp.getReceivedMessages(), email).stream()
                    .filter(m -> m.everything().contains("meet.example.com/course-v")).toList();
            assertThat(linkMails).as(email).isNotEmpty()
                    // emails render the link when they are sent: even a version-1 row tells the current link
                    .allSatisfy(m -> assertThat(m.everything()).contains("https://meet.example.com/course-v2"));
        }
    }

    @Test
    void s19_emailsTheSmtpServerKeepsRefusingEndInACockpitIncidentNamingTheCourse() throws Exception {
        editCourseLink("https://meet.example.com/course-v1", 1);
        ProcessInstance process = instanceOf(studio.courseId);
        while (!isWaitingAt(process, "waitForDelivery")) {
            runJob(process);
        }
        smtp.stop();
        for (int round = 0; round < 6; round++) {
            OutboxSending.dispatchDue(context); // one probe per round while SMTP is down; max-attempts=1: parked
            Thread.sleep(5);
        }
        runJob(process); // timer
        for (int attempt = 0; attempt < 5 && runtime.createIncidentQuery().processInstanceId(process.getId()).count() == 0; attempt++) {
            Job job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
            try {
                management.executeJob(job.getId());
            } catch (RuntimeException expected) {
                // the job's retries count down; the last failure becomes an incident
            }
        }
        Incident incident = runtime.createIncidentQuery().processInstanceId(process.getId()).singleResult();
        assertThat(incident).isNotNull();
        assertThat(incident.getActivityId()).isEqualTo("checkDelivery");
        assertThat(incident.getIncidentMessage()).contains("course " + studio.courseId).contains("parked");
        assertThat(process).isWaitingAt("checkDelivery");
        smtp.start();
    }

    private void editCourseLink(String url, int expectedVersion) throws Exception {
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"" + url + "\"}")
                .andExpect(jsonPath("$.courseLinkVersion").value(expectedVersion));
    }

    private ProcessInstance instanceOf(long courseId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey("course-link-update")
                .processInstanceBusinessKey(String.valueOf(courseId)).active().singleResult();
    }

    private boolean isWaitingAt(ProcessInstance process, String activityId) {
        return runtime.createExecutionQuery().processInstanceId(process.getId()).activityId(activityId).count() > 0;
    }

    private Object historicVariable(ProcessInstance process, String name) {
        return engine.getHistoryService().createHistoricVariableInstanceQuery().processInstanceId(process.getId())
                .variableName(name).singleResult().getValue();
    }

    private void runJob(ProcessInstance process) {
        Job job = management.createJobQuery().processInstanceId(process.getId()).singleResult();
        assertThat(job).as("a job of " + process.getId()).isNotNull();
        management.executeJob(job.getId());
    }
}
