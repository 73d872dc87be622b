package com.videolinks.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import java.io.IOException;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.notification.OutboxSending;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

import com.jayway.jsonpath.JsonPath;
import com.videolinks.security.AppUsers;
import com.videolinks.support.Api;
import com.videolinks.support.Browser;
import com.videolinks.support.StudioFixture;

/**
 * An owner's dashboard in headless Chromium (#12): the video conferencing of their site — a custom link connected
 * through the form (bad input refused next to the field, nothing stored), where links show, disconnecting after a
 * confirmation that lists the sessions losing their link (S9) — and services and sessions with each link's source
 * and reasons, a link added to one session, a course link edited up to "all sent" (S11, S18–S20).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "videolinks.notifications.retry.max-attempts=1",
        "videolinks.notifications.retry.initial-backoff=1ms",
        "videolinks.notifications.retry.max-backoff=1ms"})
@AutoConfigureMockMvc
class OwnerDashboardBrowserTest {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    static Browser browser;

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    RuntimeService runtime;
    @Autowired
    ManagementService management;
    @Autowired
    ApplicationContext context;

    @BeforeAll
    static void noBrowserYet() {
        browser = null;
    }

    @AfterAll
    static void stopChromium() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    private Browser browser() throws IOException {
        if (browser == null) {
            browser = Browser.start(port, "ko-KR");
        }
        return browser;
    }

    @Test
    void s3_s9_s21_theOwnerConnectsACustomLinkChoosesWhereItShowsAndDisconnectsAfterSeeingWhichSessionsLoseTheirLink() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        Browser b = browser();

        b.open("/login?site=" + studio.siteId);
        assertThat(b.text("#business")).isEqualTo("Studio " + studio.owner.substring(6));
        b.signIn(studio.owner, Api.PASSWORD);
        b.waitForUrl("/dashboard/sites/" + studio.siteId);
        assertThat(b.driver().getTitle()).contains("화상 회의");
        assertThat(b.text("#plan-name")).isEqualTo("비즈니스");
        assertThat(b.text("#current-default-url")).isEqualTo("https://meet.example.com/default");
        b.screenshot("owner-conferencing");

        // bad input: the message is next to the field, nothing is stored
        b.type("#default-url", "javascript:alert(1)");
        b.type("#default-description", "x".repeat(501));
        b.click("#connect-custom-link");
        b.waitForText("#default-url-error", "http 또는 https"); // the refused form is a new page: wait for it
        assertThat(b.text("#default-description-error")).contains("500");
        assertThat(b.find("#default-url").getAttribute("aria-invalid")).isEqualTo("true");
        b.screenshot("owner-conferencing-refused");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account")
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/default"));
        b.type("#default-url", "");
        b.type("#default-description", "");
        b.click("#connect-custom-link");
        b.waitForText("#default-url-error", "필수 항목입니다.");
        assertThat(b.text("#default-url-error")).isEqualTo("필수 항목입니다.");
        assertThat(b.all("#default-description-error")).isEmpty();

        // a good custom link (S3): the sessions show it
        b.type("#default-url", "https://meet.example.com/studio-new");
        b.type("#default-password", "om");
        b.type("#default-description", "새 연습실");
        b.click("#connect-custom-link");
        b.waitForText("#notice", "기본 계정이 연결되었습니다");
        assertThat(b.text("#current-default-url")).isEqualTo("https://meet.example.com/studio-new");
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/studio-new"));

        // S21: hide links from My Bookings
        b.click("#vis-my-bookings");
        b.click("#save-visibility");
        b.waitForText("#notice", "링크 표시 설정을 저장했습니다");
        assertThat(b.find("#vis-my-bookings").isSelected()).isFalse();
        studio.customerApi.get("/api/me/bookings").andExpect(jsonPath("$[0].videoLink.status").value("HIDDEN"));

        // S9: the confirmation lists every upcoming session that shows a link; nothing changes before confirming
        b.click("#disconnect-default");
        b.waitForUrl("/default-account/disconnect");
        assertThat(b.text("#disconnect-explanation")).contains("S9");
        assertThat(b.all("#losing tbody tr")).extracting(row -> row.getAttribute("data-session-id"))
                .containsExactlyInAnyOrder(String.valueOf(studio.classSessionId), String.valueOf(studio.oneOnOneSessionId),
                        String.valueOf(studio.courseFutureSessionId));
        b.screenshot("owner-disconnect-confirmation");
        studio.ownerApi.get(studio.link(studio.classSessionId, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("SHOWN"));
        b.click("#confirm-disconnect");
        b.waitForText("#notice", "연결이 해제되었습니다");
        assertThat(b.find("#default-state").getAttribute("data-connected")).isEqualTo("false");
        for (long session : new long[] {studio.classSessionId, studio.oneOnOneSessionId, studio.courseFutureSessionId}) {
            studio.ownerApi.get(studio.link(session, "BUSINESS_CALENDAR")).andExpect(jsonPath("$.status").value("NONE"));
        }

        // a double submit (back, confirm again) changes nothing and says so
        b.driver().navigate().back();
        b.click("#confirm-disconnect");
        b.waitForText("body", "이미 제출되었거나");
        String accounts = studio.ownerApi.get("/api/sites/" + studio.siteId + "/default-account").andReturn().getResponse().getContentAsString();
        assertThat((Boolean) JsonPath.read(accounts, "$.connected")).isFalse();
    }

    @Test
    void s12_theOwnerAddsAStaffMemberInTheLanguageOfTheirEmailsAndBadInputIsRefusedNextToTheFieldStoringNothing()
            throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        Browser b = browser();
        b.signIn(studio.owner, Api.PASSWORD);
        b.open("/dashboard/sites/" + studio.siteId + "/staff");
        String before = studio.ownerApi.get("/api/sites/" + studio.siteId + "/staff").andReturn().getResponse()
                .getContentAsString();

        b.type("#staff-name", "");
        b.type("#staff-email", "not-an-email");
        b.click("#add-staff");
        b.waitForText("#staff-name-error", "필수 항목입니다.");
        assertThat(b.text("#staff-email-error")).isEqualTo("올바른 이메일 주소가 아닙니다.");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/staff")
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().json(before, true));

        b.type("#staff-name", "Minji");
        b.type("#staff-email", "minji@example.com");
        new org.openqa.selenium.support.ui.Select(b.find("#staff-locale")).selectByValue("en");
        b.click("#add-staff");
        b.waitForText("#notice", "스태프를 추가했습니다.");
        assertThat(b.pageText()).contains("Minji");
        b.screenshot("owner-staff-added");
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/staff")
                .andExpect(jsonPath("$[?(@.name == 'Minji')].locale").value(org.hamcrest.Matchers.contains("en")))
                .andExpect(jsonPath("$[?(@.name == 'Hana')].locale").value(org.hamcrest.Matchers.contains("ko")));
    }

    @Test
    void s11_s18_s19_theOwnerSeesWhereEachLinkComesFromChangesOneSessionAndFollowsACourseEditUntilEveryCustomerHasIt() throws Exception {
        StudioFixture studio = new StudioFixture(mvc, users);
        Browser b = browser();
        b.signIn(studio.owner, Api.PASSWORD);
        b.open("/dashboard/sites/" + studio.siteId + "/sessions");

        // each session's link with its source and the policy's reasons, as the API answers
        String classRow = "#session-" + studio.classSessionId;
        assertThat(b.find(classRow + " .video").getAttribute("data-link-source")).isEqualTo("SITE_DEFAULT");
        assertThat(b.text(classRow + " .decision-source")).isEqualTo("사이트 기본 계정");
        assertThat(b.text(classRow + " .reasons")).isNotBlank();
        b.screenshot("owner-sessions");

        // S11: a link of its own on one session; a javascript: URL is refused next to the field first
        String one = "#session-" + studio.oneOnOneSessionId;
        b.click("#add-link-open-" + studio.oneOnOneSessionId);
        b.type("#session-" + studio.oneOnOneSessionId + "-url", "javascript:alert(1)");
        b.click("#add-link-submit-" + studio.oneOnOneSessionId);
        b.waitForText("#session-" + studio.oneOnOneSessionId + "-url-error", "https");
        studio.ownerApi.get("/api/sessions/" + studio.oneOnOneSessionId).andExpect(jsonPath("$.manualLink").value("NONE"));
        b.type("#session-" + studio.oneOnOneSessionId + "-url", "https://meet.example.com/coaching-room");
        b.click("#add-link-submit-" + studio.oneOnOneSessionId);
        b.waitForText("#notice", "링크를 추가했습니다");
        assertThat(b.find(one + " .video").getAttribute("data-link-source")).isEqualTo("SESSION_LINK");
        assertThat(b.text(one + " .decision-url")).isEqualTo("https://meet.example.com/coaching-room");

        // a stale form: the class session is cancelled while the page is open; nothing is stored
        b.click("#add-link-open-" + studio.classSessionId);
        studio.ownerApi.post("/api/sessions/" + studio.classSessionId + "/cancellation", "{}");
        b.type("#session-" + studio.classSessionId + "-url", "https://meet.example.com/too-late");
        b.click("#add-link-submit-" + studio.classSessionId);
        b.waitForText("body", "취소되어");
        studio.ownerApi.get("/api/sessions/" + studio.classSessionId).andExpect(jsonPath("$.manualLink").value("NONE"));

        // S18, S19: the course link, edited with SMTP down: the failed recipient is listed to send again
        b.open("/dashboard/sites/" + studio.siteId + "/sessions");
        b.click("#course-" + studio.courseId);
        b.waitForUrl("/dashboard/courses/" + studio.courseId);
        b.type("#course-url", "https://meet.example.com/course-v2");
        b.click("#save-course-link");
        b.waitForText("#notice", "코스 링크가 바뀌었습니다");
        studio.ownerApi.get(studio.link(studio.coursePastSessionId, "BUSINESS_CALENDAR"))
                .andExpect(jsonPath("$.link.url").value("https://meet.example.com/course-v2"));
        runCourseWorkflow(studio.courseId); // SMTP is down: the email is parked after its one attempt
        b.open("/dashboard/courses/" + studio.courseId);
        assertThat(b.text("#progress-failed")).isEqualTo("1");
        assertThat(b.all("#parked tbody tr")).hasSize(1);
        assertThat(b.text("#parked")).contains("Soyeon");
        b.screenshot("owner-course-failed-recipient");

        GreenMail smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            b.click("#parked tbody button");
            b.waitForText("#notice", "다시 보내도록");
            runCourseWorkflow(studio.courseId);
            b.open("/dashboard/courses/" + studio.courseId);
            assertThat(b.text("#progress-state")).isEqualTo("모두 발송됨");
            assertThat(b.text("#progress-sent")).isEqualTo("1");
            assertThat(b.all("#parked")).isEmpty();
            b.screenshot("owner-course-all-sent");
            assertThat(smtp.getReceivedMessages()).anySatisfy(m -> assertThat(m.getAllRecipients()[0].toString())
                    .startsWith("soyeon-"));
        } finally {
            smtp.stop();
        }
    }

    /** Jobs and sending do not run by themselves in tests: send what is due, run the course's jobs until it waits or ends. */
    private void runCourseWorkflow(long courseId) {
        for (int round = 0; round < 12; round++) {
            OutboxSending.dispatchDue(context);
            ProcessInstance instance = runtime.createProcessInstanceQuery().processDefinitionKey("course-link-update")
                    .processInstanceBusinessKey(String.valueOf(courseId)).active().singleResult();
            if (instance == null) {
                return;
            }
            for (Job job : management.createJobQuery().processInstanceId(instance.getId()).list()) {
                try {
                    management.executeJob(job.getId());
                } catch (RuntimeException parkedEmails) {
                    // checkDelivery fails while emails are parked: the job's retries count down, as in production
                }
            }
        }
    }
}
