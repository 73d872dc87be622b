package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.booking.Customers;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.release.ReleaseAttempt;
import com.videolinks.policy.release.RuleReleases;
import com.videolinks.policy.versions.RuleVersion;
import com.videolinks.security.AppUsers;
import com.videolinks.support.MutableClock;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.StudioFixture;

/**
 * #13, S4: a rule release is a cause of link changes like any other. An operator's release that takes the links away
 * from eCommerce sites tells those sites' booked customers, once; a release that only rewords a reason sends nothing.
 * The live rules change here, so the class has a context of its own and puts the shipped rules back after each test.
 */
@SpringBootTest(properties = {
        "videolinks.notifications.dispatch.enabled=false",
        "videolinks.notifications.link-change-window=2m",
        "videolinks.test.context=rule-release-announcements"})
@AutoConfigureMockMvc
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RuleReleaseAnnouncementsTest {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final Duration WINDOW = Duration.ofMinutes(2);

    @TestConfiguration
    static class Time {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock();
        }
    }

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
    Customers customers;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    RuleReleases releases;
    @Autowired
    RuleReleaseAnnouncements announcements;
    @Autowired
    ReleaseAnnouncementRuns runs;
    @Autowired
    Clock clock;

    GreenMail smtp;
    StudioFixture studio;
    String soyeon;

    @BeforeEach
    void startSmtpBuildAnECommerceStudioAndRecordTheLiveVersion() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        studio = new StudioFixture(mvc, users);
        studio.operatorApi.put("/api/sites/" + studio.siteId + "/plan", "{\"plan\": \"ECOMMERCE\"}")
                .andExpect(status().isOk());
        soyeon = customers.get(studio.customerId).email();
        announcements.announceLiveVersion(); // the first run on this database records the live version, sends nothing
        afterTheWindow();
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void putTheShippedRulesBackAndStopSmtp() {
        assertThat(releases.attempt(shipped(), "test: shipped rules back", true).accepted()).isTrue();
        announcements.announceLiveVersion();
        smtp.stop();
    }

    @Test
    void s4_aReleaseTakingLinksFromECommerceSitesTellsTheirBookedCustomersOnceThatTheSessionHasNoLinkNow() throws Exception {
        long version = publish(eCommerceWithoutVideoLinks());

        // Soyeon's three sessions still to come (the class, the one-on-one, the course's future session); the
        // studios of earlier tests in this context are eCommerce sites too
        assertThat(announcements.announceLiveVersion()).isGreaterThanOrEqualTo(3);
        List<ReceivedMail> mails = afterTheWindow();
        assertThat(mails).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "화상 링크 변경: Morning Flow", "화상 링크 변경: Private Coaching", "화상 링크 변경: Beginner Course");
        assertThat(mails).allSatisfy(mail -> assertThat(mail.everything())
                .contains("현재 이 세션에는 화상 링크가 없습니다")
                .doesNotContain("meet.example.com", "pw1", "Default room"));
        assertThat(runs.find(version).orElseThrow())
                .satisfies(run -> assertThat(run.outcome()).isEqualTo("ANNOUNCED"))
                .satisfies(run -> assertThat(run.sessionsChecked()).isGreaterThanOrEqualTo(3))
                .satisfies(run -> assertThat(run.emailsWritten()).isGreaterThanOrEqualTo(3));

        // operators read how far it got; nobody else does, and a version that never went live has none
        String told = studio.operatorApi.get("/api/rules/versions/" + version + "/announcement")
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(told, "$.state")).isEqualTo("ANNOUNCED");
        assertThat(com.jayway.jsonpath.JsonPath.<Integer>read(told, "$.emailsWritten")).isEqualTo(runs.find(version).orElseThrow().emailsWritten());
        assertThat(com.jayway.jsonpath.JsonPath.<String>read(told, "$.finishedAt")).isNotNull();
        studio.ownerApi.get("/api/rules/versions/" + version + "/announcement").andExpect(status().isForbidden());
        studio.operatorApi.get("/api/rules/versions/999999/announcement").andExpect(status().isNotFound());

        // the next rounds find the version announced: nothing is compared or sent again
        smtp.purgeEmailFromAllMailboxes();
        assertThat(announcements.announceLiveVersion()).isZero();
        assertThat(afterTheWindow()).isEmpty();
    }

    @Test
    void aReleaseThatOnlyRewordsAReasonChangesNoLinkAndSendsNothing() {
        RuleBundle shipped = shipped();
        List<RuleFile> reworded = shipped.rules().files().stream().map(file -> new RuleFile(file.name(), file.content()
                .replace("Video links need a Business or eCommerce plan (S4).",
                        "Video links need a Business or eCommerce plan; upgrade to show them (S4)."))).toList();
        long version = publish(new RuleBundle(new RuleSet(reworded), shipped.tests()));

        assertThat(announcements.announceLiveVersion()).isZero();
        assertThat(afterTheWindow()).isEmpty();
        assertThat(runs.find(version).orElseThrow().outcome()).isEqualTo("ANNOUNCED");
    }

    @Test
    void aComparisonClaimedByAnotherNodeIsLeftToItUntilItsClaimExpiresThenResumedWhereItStopped() throws Exception {
        long version = publish(eCommerceWithoutVideoLinks());
        assertThat(runs.begin(version, clock.instant())).isTrue();
        // another node claimed the run and crashed after a page that ended at the class session (it told that one)
        assertThat(runs.claim(version, "other-node/run-1", clock.instant(), clock.instant().plus(Duration.ofMinutes(2))))
                .isPresent();
        assertThat(runs.advance(version, "other-node/run-1", studio.classSessionId, 1, 1,
                clock.instant().plus(Duration.ofMinutes(2)))).isTrue();

        assertThat(announcements.announceLiveVersion()).as("the other node's claim is live").isZero();
        assertThat(afterTheWindow()).isEmpty(); // the window passes: the claim (2 minutes) has expired with it

        // resumed after the cursor: the one-on-one and the course's future session, not the class again
        assertThat(announcements.announceLiveVersion()).isEqualTo(2);
        assertThat(afterTheWindow()).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("화상 링크 변경: Private Coaching", "화상 링크 변경: Beginner Course");
        assertThat(runs.find(version).orElseThrow())
                .satisfies(run -> assertThat(run.outcome()).isEqualTo("ANNOUNCED"))
                .satisfies(run -> assertThat(run.afterSessionId()).isGreaterThanOrEqualTo(studio.courseFutureSessionId))
                .satisfies(run -> assertThat(run.emailsWritten()).isEqualTo(3));
    }

    private long publish(RuleBundle bundle) {
        ReleaseAttempt attempt = releases.attempt(bundle, "test operator", true);
        assertThat(attempt.problems()).isEmpty();
        assertThat(attempt.outcome()).isEqualTo(RuleVersion.Outcome.PUBLISHED);
        return attempt.versionId();
    }

    /**
     * An operator's release: eCommerce plans lose video links (plan.drl), and the plan scenarios say so — the gate
     * would refuse the rule change alone.
     */
    private static RuleBundle eCommerceWithoutVideoLinks() {
        RuleBundle shipped = shipped();
        List<RuleFile> rules = shipped.rules().files().stream().map(file -> file.name().equals("plan.drl")
                ? new RuleFile(file.name(), file.content().replace("Plan.BUSINESS, Plan.ECOMMERCE", "Plan.BUSINESS"))
                : file).toList();
        Map<String, String> tests = new TreeMap<>(shipped.tests());
        String plan = tests.get("s04-plan.yaml");
        // the scenarios of an eCommerce site now expect what a site without a premium plan gets
        String changed = String.join("\n  - name: ", java.util.Arrays.stream(plan.split("\n  - name: "))
                .map(scenario -> !scenario.contains("plan: ECOMMERCE") ? scenario : scenario
                        .replace("expect: { status: SHOWN, link: \"https://meet.example.com/site\" }",
                                "expect: { status: NONE, withheld: [PLAN_NOT_PREMIUM] }")
                        .replace("expect: { allowed: true }", "expect: { allowed: false, refusals: [PLAN_NOT_PREMIUM] }")
                        .replace("rulesNotFired:", "rulesFired:"))
                .toList());
        assertThat(changed).as("the eCommerce scenarios rewritten").isNotEqualTo(plan);
        tests.put("s04-plan.yaml", changed);
        return new RuleBundle(new RuleSet(rules), tests);
    }

    private static RuleBundle shipped() {
        return RuleBundle.read(Path.of("rules"));
    }

    private List<ReceivedMail> afterTheWindow() {
        ((MutableClock) clock).advance(WINDOW.plusSeconds(1));
        dispatcher.dispatchDue();
        return ReceivedMail.to(smtp.getReceivedMessages(), soyeon);
    }
}
