package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.booking.Customers;
import com.videolinks.security.AppUsers;
import com.videolinks.support.MutableClock;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.StudioFixture;

/**
 * #13, S11, S19, S20, S21: every effective change of a booked session's link reaches its customers by email, once,
 * whatever caused it; changes within the window are one email; no change, no email; a link that went away says so;
 * a hidden link never appears. Real SMTP (GreenMail on this test's own port), time moved by a controllable clock.
 */
@SpringBootTest(properties = {
        "videolinks.notifications.dispatch.enabled=false",
        "videolinks.notifications.retry.initial-backoff=1ms",
        "videolinks.notifications.retry.max-backoff=1ms",
        "videolinks.notifications.link-change-window=2m"})
@AutoConfigureMockMvc
class LinkChangeNoticesTest {

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
    Outbox outbox;
    @Autowired
    Clock clock;

    GreenMail smtp;
    StudioFixture studio;
    String soyeon;

    @BeforeEach
    void startSmtpAndBuildStudio() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        studio = new StudioFixture(mvc, users);
        soyeon = customers.get(studio.customerId).email();
        dispatcher.dispatchDue(); // the confirmations
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void walkthroughStep12_aNewDefaultLinkReachesEveryBookedCustomerOfEverySessionItServesOnce() throws Exception {
        replaceDefault("https://meet.example.com/mina-yoga-2", "om");
        assertThat(afterTheWindow()).hasSize(3); // the class, the one-on-one, the course's future session (not 2020's)

        List<ReceivedMail> mails = mailsTo(soyeon);
        assertThat(mails).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "화상 링크 변경: Morning Flow", "화상 링크 변경: Private Coaching", "화상 링크 변경: Beginner Course");
        assertThat(mails).allSatisfy(mail -> assertThat(mail.text())
                .contains("https://meet.example.com/mina-yoga-2", "om",
                        "이전 링크 https://meet.example.com/default은(는) 더 이상 사용되지 않습니다."));

        // sent in the business's name, from the configured address
        for (jakarta.mail.internet.MimeMessage message : smtp.getReceivedMessages()) {
            jakarta.mail.internet.InternetAddress sender = (jakarta.mail.internet.InternetAddress) message.getFrom()[0];
            assertThat(sender.getPersonal()).startsWith("Studio ");
        }

        // the same link again: nothing a customer could notice, nothing sent; and nothing is ever sent twice
        smtp.purgeEmailFromAllMailboxes();
        replaceDefault("https://meet.example.com/mina-yoga-2", "om");
        assertThat(afterTheWindow()).isEmpty();
        assertThat(mailsTo(soyeon)).isEmpty();
    }

    @Test
    void s11_aBurstOfChangesWithinTheWindowIsOneEmailWithTheLatestLink() throws Exception {
        addLink("https://meet.example.com/first");
        addLink("https://meet.example.com/second");
        dispatcher.dispatchDue();
        assertThat(mailsTo(soyeon)).as("nothing before the window is over").isEmpty();

        ReceivedMail mail = single(afterTheWindow());
        assertThat(mail.text()).contains("https://meet.example.com/second", "이전 링크 https://meet.example.com/default")
                .doesNotContain("https://meet.example.com/first");
        assertThat(changesOfSoyeon()).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.SKIPPED);
    }

    @Test
    void s11_aChangeUndoneWithinTheWindowSendsNothing() throws Exception {
        addLink("https://meet.example.com/oops");
        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link-override").andExpect(status().isOk());

        assertThat(afterTheWindow()).isEmpty();
        assertThat(changesOfSoyeon()).extracting(OutboxMessage::lastError)
                .contains(MailRenderer.BACK_AS_BEFORE);
    }

    @Test
    void s9_disconnectingTheDefaultAccountTellsEveryCustomerTheirSessionNoLongerHasALink() throws Exception {
        studio.ownerApi.delete("/api/sites/" + studio.siteId + "/default-account").andExpect(status().isOk());

        List<ReceivedMail> mails = afterTheWindow();
        assertThat(mails).hasSize(3);
        assertThat(mails).allSatisfy(mail -> assertThat(mail.everything())
                .contains("현재 이 세션에는 화상 링크가 없습니다")
                .doesNotContain("meet.example.com", "pw1", "Default room"));
    }

    @Test
    void s11_s20_switchingASessionOfflineAndOnlineAgainIsTwoChanges() throws Exception {
        online(false);
        assertThat(single(afterTheWindow()).text()).doesNotContain("meet.example.com/default");
        smtp.purgeEmailFromAllMailboxes();
        online(true);
        assertThat(single(afterTheWindow()).text()).contains("https://meet.example.com/default", "pw1");
    }

    @Test
    void s10_aStaffMembersOwnLinkReachesTheCustomersOfTheirSessionsOnly() throws Exception {
        studio.ownerApi.put("/api/staff/" + studio.staffId + "/account",
                "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"https://meet.example.com/hana\"}}")
                .andExpect(status().isOk());

        List<ReceivedMail> mails = afterTheWindow();
        // Hana runs the class and the one-on-one; the course follows the site's default (S18)
        assertThat(mails).extracting(ReceivedMail::subject)
                .containsExactlyInAnyOrder("화상 링크 변경: Morning Flow", "화상 링크 변경: Private Coaching");
        assertThat(mails).allSatisfy(mail -> assertThat(mail.text()).contains("https://meet.example.com/hana"));
    }

    @Test
    void s21_aLinkHiddenFromEmailsIsNeverInTheNoticeWhichPointsToWhereItIsShown() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility",
                "{\"confirmationEmail\": false, \"myBookings\": true, \"memberPages\": true}").andExpect(status().isOk());
        assertThat(afterTheWindow()).as("hiding links is the business's choice, not a link change").isEmpty();

        addLink("https://meet.example.com/secret-room");
        ReceivedMail mail = single(afterTheWindow());
        assertThat(mail.everything()).doesNotContain("secret-room", "meet.example.com/default", "pw1");
    }

    @Test
    void aChangeMadeWhileSmtpIsDownIsDeliveredOnceItIsBack() throws Exception {
        smtp.stop();
        addLink("https://meet.example.com/while-down");
        ((MutableClock) clock).advance(WINDOW.plusSeconds(1));
        dispatcher.dispatchDue();

        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        ((MutableClock) clock).advance(Duration.ofMinutes(1));
        dispatcher.dispatchDue();
        dispatcher.dispatchDue();
        assertThat(single(mailsTo(soyeon)).text()).contains("https://meet.example.com/while-down");
    }

    private void replaceDefault(String url, String password) throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/default-account",
                "{\"provider\": \"CUSTOM_LINK\", \"link\": {\"url\": \"%s\", \"password\": \"%s\"}}".formatted(url, password))
                .andExpect(status().isOk());
    }

    private void addLink(String url) throws Exception {
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", "{\"url\": \"" + url + "\"}")
                .andExpect(status().isOk());
    }

    private void online(boolean online) throws Exception {
        studio.ownerApi.put("/api/sessions/" + studio.classSessionId + "/online", "{\"online\": " + online + "}")
                .andExpect(status().isOk());
    }

    /** Lets the coalescing window pass, sends what is due and returns what Soyeon received. */
    private List<ReceivedMail> afterTheWindow() {
        ((MutableClock) clock).advance(WINDOW.plusSeconds(1));
        dispatcher.dispatchDue();
        return mailsTo(soyeon);
    }

    private List<OutboxMessage> changesOfSoyeon() {
        return outbox.list(studio.siteId, null, 500).stream()
                .filter(row -> row.customerId() == studio.customerId && row.kind() == NotificationKind.LINK_CHANGED)
                .toList();
    }

    private List<ReceivedMail> mailsTo(String recipient) {
        return ReceivedMail.to(smtp.getReceivedMessages(), recipient);
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }
}
