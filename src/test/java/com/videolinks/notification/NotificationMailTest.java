package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.booking.Customers;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.support.Api;
import com.videolinks.support.As;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.StudioFixture;

/**
 * Real emails through a real SMTP server (GreenMail, in process, on this test's own port): what customers receive
 * per visibility setting and language (S21), link changes (S11, S19, S20), links that follow (S5), and delivery
 * that survives a failing SMTP server without losing or doubling a message (#5).
 */
@SpringBootTest(properties = {
        "videolinks.notifications.retry.max-attempts=3",
        "videolinks.notifications.retry.initial-backoff=1ms",
        "videolinks.notifications.retry.max-backoff=1ms",
        "videolinks.notifications.public-base-url=https://book.example.com",
        "videolinks.notifications.from=Mina Studio <no-reply@videolinks.test>",
        // changes go out at once here; LinkChangeNoticesTest covers the coalescing window
        "videolinks.notifications.link-change-window=0s"})
@AutoConfigureMockMvc
class NotificationMailTest {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final String DEFAULT_URL = "https://meet.example.com/default";

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    @Autowired
    AccountConnections connections;
    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    Customers customers;
    @Autowired
    ZoomMeetings meetings;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    Outbox outbox;
    @Autowired
    LinkChangeNotifications linkChanges;
    @Autowired
    LinkReadyFollowUps followUps;

    GreenMail smtp;
    StudioFixture studio;
    String soyeon;

    @BeforeEach
    void startSmtpAndBuildStudio() throws Exception {
        startSmtp();
        dispatcher.dispatchDue(); // whatever earlier tests left pending goes now, not in the middle of this test
        studio = new StudioFixture(mvc, users);
        soyeon = customers.get(studio.customerId).email();
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void s21_theConfirmationCarriesTheLinkWhereTheBusinessShowsItInEmailsInTheCustomersLanguageAndTimeZone() throws Exception {
        dispatcher.dispatchDue();

        List<ReceivedMail> mails = mailsTo(soyeon);
        assertThat(mails).extracting(ReceivedMail::subject).containsExactlyInAnyOrder(
                "예약 확정: Morning Flow", "예약 확정: Private Coaching", "예약 확정: Beginner Course");
        ReceivedMail flow = mails.stream().filter(m -> m.subject().endsWith("Morning Flow")).findFirst().orElseThrow();
        assertThat(flow.contentType()).startsWith("multipart/mixed");
        for (String body : List.of(flow.text(), flow.html())) {
            assertThat(body).contains("Soyeon님, 안녕하세요.", DEFAULT_URL, "pw1", "Default room",
                    "2030년 1월 10일 목요일 오전 10:00 – 오전 11:00 (대한민국 표준시)");
        }
        assertThat(flow.html()).contains("href=\"" + DEFAULT_URL + "\"");
        long bookingId = rowsOf(studio.customerId).stream()
                .filter(row -> studio.classSessionId == row.sessionId()).findFirst().orElseThrow().bookingId();
        assertThat(flow.messageId()).isEqualTo("<booking-confirmation.booking-" + bookingId + "@videolinks.test>");
        // the session of 2020 is over: nothing to confirm any more
        assertThat(rowsOf(studio.customerId)).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SKIPPED);
        assertThat(rowsOf(studio.customerId)).filteredOn(row -> row.status() == OutboxStatus.SENT)
                .extracting(OutboxMessage::linkStatus).containsOnly("SHOWN");
    }

    @Test
    void s21_aConfirmationWithoutTheLinkSaysWhereTheCustomerFindsItInEnglishForAnEnglishCustomer() throws Exception {
        hideLinks(false, true, true);
        long alex = newCustomer("Alex", "en", "Europe/London");
        studio.ownerApi.create("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + alex + "}");

        dispatcher.dispatchDue();

        ReceivedMail mail = single(mailsTo(customers.get(alex).email()));
        assertThat(mail.subject()).isEqualTo("Booking confirmed: Morning Flow");
        assertThat(mail.everything()).doesNotContain("meet.example.com", "pw1", "Default room")
                .contains("Hello Alex,", "on your My Bookings page instead of in emails",
                        "https://book.example.com/my-bookings", "Thursday, January 10, 2030 1:00 AM – 2:00 AM (Greenwich Mean Time)");

        hideLinks(false, false, false);
        long kim = newCustomer("Kim", "ko", "Asia/Seoul");
        studio.ownerApi.create("/api/sessions/" + studio.classSessionId + "/bookings", "{\"customerId\": " + kim + "}");
        dispatcher.dispatchDue();
        // #13: every email links My Bookings; with links hidden there too it must not say the link is found there
        assertThat(single(mailsTo(customers.get(kim).email())).everything())
                .doesNotContain("meet.example.com", "pw1", "Default room", "이메일 대신 내 예약 페이지에서")
                .contains("업체에서 직접 안내해 드립니다");
    }

    @Test
    void s21_aLinkHiddenAfterTheEmailWasWrittenIsNotInItWhenItIsSent() throws Exception {
        // the confirmations were written while emails showed links; the business hides them before they go out
        hideLinks(false, false, true);

        dispatcher.dispatchDue();

        List<ReceivedMail> mails = mailsTo(soyeon);
        assertThat(mails).hasSize(3);
        assertThat(mails).allSatisfy(mail -> assertThat(mail.everything())
                .doesNotContain("meet.example.com", "pw1", "Default room")
                .contains("https://book.example.com/member/sessions/"));
    }

    @Test
    void s11_s20_customersBookedOnASessionHearOfEachRealChangeOfItsLink() throws Exception {
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link",
                "{\"url\": \"https://meet.example.com/last-minute\", \"password\": \"9876\"}").andExpect(status().isOk());
        // the same link again changes nothing a customer could notice: no second email
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link",
                "{\"url\": \"https://meet.example.com/last-minute\", \"password\": \"9876\"}").andExpect(status().isOk());
        dispatcher.dispatchDue();

        ReceivedMail changed = single(mailsTo(soyeon));
        assertThat(changed.subject()).isEqualTo("화상 링크 변경: Morning Flow");
        assertThat(changed.text()).contains("https://meet.example.com/last-minute", "9876",
                "이전 링크 " + DEFAULT_URL + "은(는) 더 이상 사용되지 않습니다.");

        smtp.purgeEmailFromAllMailboxes();
        studio.staffApi.delete("/api/sessions/" + studio.classSessionId + "/link").andExpect(status().isOk());
        dispatcher.dispatchDue();
        assertThat(single(mailsTo(soyeon)).text()).contains("업체에서 이 세션의 화상 링크를 삭제했습니다")
                .doesNotContain("meet.example.com");
    }

    @Test
    void s11_twoQuickChangesSendOneEmailWithTheLatestLink() throws Exception {
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", "{\"url\": \"https://meet.example.com/first\"}");
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", "{\"url\": \"https://meet.example.com/second\"}");
        dispatcher.dispatchDue();

        // the customer never saw the first link: the email names the one they knew as replaced
        assertThat(single(mailsTo(soyeon)).text()).contains("https://meet.example.com/second",
                        "이전 링크 " + DEFAULT_URL)
                .doesNotContain("https://meet.example.com/first");
        assertThat(rowsOf(studio.customerId)).filteredOn(row -> row.kind() == NotificationKind.LINK_CHANGED)
                .extracting(OutboxMessage::status, OutboxMessage::lastError)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(OutboxStatus.SENT, null),
                        org.assertj.core.groups.Tuple.tuple(OutboxStatus.SKIPPED, MailRenderer.SUPERSEDED));
    }

    @Test
    void s5_aLinkStillBeingCreatedIsPromisedAndFollowsByEmailOnceItExists() throws Exception {
        // as the end of Zoom's sign-in does (ZoomConnectFlowTest covers the sign-in itself)
        long zoomAccount = connections.connectZoomStaff(studio.staffId, "hana@example.com", false).id();
        dispatcher.dispatchDue();
        ReceivedMail confirmation = mailsTo(soyeon).stream().filter(m -> m.subject().endsWith("Morning Flow"))
                .findFirst().orElseThrow();
        assertThat(confirmation.text()).contains("화상 링크를 준비하고 있습니다. 준비되는 대로 이메일로 보내 드리겠습니다.");
        assertThat(followUps.sweep()).isZero();

        // the class's meeting is created: the regular sweep finds it
        meetings.record(studio.classSessionId, zoomAccount, "777", "https://zoom.us/j/777", "z-pw");
        smtp.purgeEmailFromAllMailboxes();
        assertThat(followUps.sweep()).isEqualTo(1); // the one-on-one session (Hana's too) is still pending
        assertThat(followUps.sweep()).isZero();
        dispatcher.dispatchDue();
        ReceivedMail ready = single(mailsTo(soyeon));
        assertThat(ready.subject()).isEqualTo("화상 링크 준비 완료: Morning Flow");
        assertThat(ready.text()).contains("https://zoom.us/j/777", "z-pw");

        // the one-on-one's meeting: whoever creates it can follow up at once
        meetings.record(studio.oneOnOneSessionId, zoomAccount, "778", "https://zoom.us/j/778", null);
        assertThat(followUps.sessionLinkReady(studio.oneOnOneSessionId)).isEqualTo(1);
        assertThat(followUps.sweep()).isZero();
        smtp.purgeEmailFromAllMailboxes();
        dispatcher.dispatchDue();
        assertThat(single(mailsTo(soyeon)).text()).contains("https://zoom.us/j/778");
        assertThat(rowsOf(studio.customerId)).filteredOn(row -> row.kind() == NotificationKind.LINK_READY)
                .extracting(OutboxMessage::status).containsOnly(OutboxStatus.SENT).hasSize(2);
    }

    @Test
    void s19_aCourseLinkEditSendsEachCustomerOneEmailListingTheirSessionsWhateverHowOftenItIsWritten() throws Exception {
        long alex = newCustomer("Alex", "en", "Europe/London");
        studio.ownerApi.create("/api/sessions/" + studio.courseFutureSessionId + "/bookings", "{\"customerId\": " + alex + "}");
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link",
                "{\"url\": \"https://meet.example.com/course-v1\"}").andExpect(jsonPath("$.courseLinkVersion").value(1));
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link",
                "{\"url\": \"https://meet.example.com/course-v2\", \"password\": \"c2\"}")
                .andExpect(jsonPath("$.courseLinkVersion").value(2));
        dispatcher.dispatchDue();
        smtp.purgeEmailFromAllMailboxes();

        com.videolinks.policy.vocabulary.Link v1 = new com.videolinks.policy.vocabulary.Link("https://meet.example.com/course-v1", null, null);
        assertThat(linkChanges.courseLinkChanged(studio.courseId, 2, v1)).isEqualTo(2);
        assertThat(linkChanges.courseLinkChanged(studio.courseId, 2, v1)).isZero();
        assertThat(linkChanges.courseLinkChangedChunk(studio.courseId, 2, v1, 0).written()).isZero();
        dispatcher.dispatchDue();

        ReceivedMail toSoyeon = single(mailsTo(soyeon));
        assertThat(toSoyeon.subject()).isEqualTo("화상 링크 변경: Beginner Course");
        assertThat(toSoyeon.text()).contains("코스의 모든 세션에 적용됩니다", "https://meet.example.com/course-v2", "c2",
                "이전 링크 https://meet.example.com/course-v1");
        ReceivedMail toAlex = single(mailsTo(customers.get(alex).email()));
        assertThat(toAlex.subject()).isEqualTo("New video link: Beginner Course");
        assertThat(toAlex.text()).contains("It applies to all your sessions of the course", "https://meet.example.com/course-v2");
    }

    @Test
    void s19_aCourseEmailWrittenForAnOlderVersionIsSkippedForTheNewerOne() throws Exception {
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"https://meet.example.com/c1\"}");
        linkChanges.courseLinkChanged(studio.courseId, 1, null);
        studio.ownerApi.put("/api/services/" + studio.courseId + "/course-link", "{\"url\": \"https://meet.example.com/c2\"}");
        linkChanges.courseLinkChanged(studio.courseId, 2, new com.videolinks.policy.vocabulary.Link("https://meet.example.com/c1", null, null));

        dispatcher.dispatchDue();

        assertThat(mailsTo(soyeon)).filteredOn(m -> m.subject().startsWith("화상 링크 변경")).singleElement()
                .satisfies(mail -> assertThat(mail.text()).contains("https://meet.example.com/c2"));
    }

    @Test
    void exactlyOneMessagePerIdempotencyKeyAfterForcedRetriesAndConcurrentDispatchers() throws Exception {
        // the same change announced twice (a replayed event, a chunk run again) is one row
        OutboxMessage row = rowsOf(studio.customerId).get(0);
        NewOutboxMessage again = NewOutboxMessage.confirmation(studio.siteId, studio.customerId, row.bookingId(), row.sessionId());
        assertThat(outbox.add(again, Instant.now())).isFalse();

        smtp.stop();
        dispatcher.dispatchDue();
        Thread.sleep(5);
        dispatcher.dispatchDue();
        assertThat(rowsOf(studio.customerId)).filteredOn(r -> r.status() == OutboxStatus.PENDING).hasSize(4)
                .extracting(OutboxMessage::attempts).contains(2);
        startSmtp();
        Thread.sleep(5);

        ExecutorService nodes = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> rounds = IntStream.range(0, 4).<Callable<Integer>>mapToObj(i -> dispatcher::dispatchDue).toList();
            nodes.invokeAll(rounds);
        } finally {
            nodes.shutdown();
        }
        dispatcher.dispatchDue();

        List<ReceivedMail> mails = mailsTo(soyeon);
        assertThat(mails).hasSize(3);
        assertThat(mails).extracting(ReceivedMail::messageId).doesNotHaveDuplicates();
        assertThat(rowsOf(studio.customerId)).extracting(OutboxMessage::status)
                .containsExactlyInAnyOrder(OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SENT, OutboxStatus.SKIPPED);
    }

    @Test
    void nothingIsLostWhileTheSmtpServerIsDownAndEverythingGoesOutWhenItIsBack() throws Exception {
        smtp.stop();
        dispatcher.dispatchDue();

        // one email found the server down; the others were not even tried and lost no attempt
        assertThat(rowsOf(studio.customerId)).filteredOn(r -> r.status() == OutboxStatus.PENDING)
                .extracting(OutboxMessage::attempts).containsExactlyInAnyOrder(1, 0, 0, 0);
        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?status=PENDING")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.attempts == 1)].lastError",
                        org.hamcrest.Matchers.everyItem(containsString("MailSendException"))))
                .andExpect(jsonPath("$[?(@.attempts == 0)].lastError",
                        org.hamcrest.Matchers.everyItem(containsString("SMTP server was unreachable"))));

        startSmtp();
        Thread.sleep(5);
        dispatcher.dispatchDue();

        assertThat(mailsTo(soyeon)).hasSize(3);
        assertThat(rowsOf(studio.customerId)).filteredOn(r -> r.status() == OutboxStatus.SENT).hasSize(3);
    }

    @Test
    void anEmailThatKeepsFailingIsParkedWithItsErrorVisibleToTheOwnerAndOperatorsAndCanBeRequeued() throws Exception {
        smtp.stop();
        for (int attempt = 0; attempt < 3; attempt++) {
            dispatcher.dispatchDue();
            Thread.sleep(5);
        }
        // while the server is down only the oldest email probes it each round; it is parked after 3 attempts
        List<OutboxMessage> parked = rowsOf(studio.customerId).stream().filter(r -> r.status() == OutboxStatus.PARKED).toList();
        assertThat(parked).singleElement().satisfies(r -> assertThat(r.attempts()).isEqualTo(3));
        long id = parked.get(0).id();

        studio.ownerApi.get("/api/sites/" + studio.siteId + "/notifications?status=PARKED")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(id))
                .andExpect(jsonPath("$[0].status").value("PARKED"))
                .andExpect(jsonPath("$[0].lastError", containsString("Couldn't connect to host")))
                .andExpect(jsonPath("$[0].nextAttemptAt").doesNotExist());
        String operator = "ops-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(operator, Api.PASSWORD, Role.OPERATOR, null, null);
        new Api(mvc, As.operator(operator)).get("/api/notifications?status=PARKED&limit=500")
                .andExpect(status().isOk()).andExpect(jsonPath("$[?(@.id == " + id + ")].status").value("PARKED"));
        studio.customerApi.get("/api/sites/" + studio.siteId + "/notifications").andExpect(status().isForbidden());
        studio.customerApi.get("/api/notifications/" + id).andExpect(status().isForbidden());
        studio.ownerApi.get("/api/notifications").andExpect(status().isForbidden());

        startSmtp();
        Thread.sleep(5);
        dispatcher.dispatchDue();
        assertThat(mailsTo(soyeon)).hasSize(2); // the parked one stays parked until someone re-queues it

        studio.ownerApi.post("/api/notifications/" + id + "/requeue", "")
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("PENDING"))
                .andExpect(jsonPath("$.attempts").value(0));
        studio.ownerApi.post("/api/notifications/" + id + "/requeue", "")
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("not-parked"));
        dispatcher.dispatchDue();
        assertThat(mailsTo(soyeon)).hasSize(3);
        studio.ownerApi.get("/api/notifications/" + id).andExpect(jsonPath("$.status").value("SENT"))
                .andExpect(jsonPath("$.recipient").value(soyeon));
    }

    private void startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    private List<ReceivedMail> mailsTo(String recipient) {
        return ReceivedMail.to(smtp.getReceivedMessages(), recipient);
    }

    private List<OutboxMessage> rowsOf(long customerId) {
        return outbox.list(studio.siteId, null, 500).stream().filter(row -> row.customerId() == customerId).toList();
    }

    private void hideLinks(boolean confirmationEmail, boolean myBookings, boolean memberPages) throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility", """
                {"confirmationEmail": %s, "myBookings": %s, "memberPages": %s}
                """.formatted(confirmationEmail, myBookings, memberPages)).andExpect(status().isOk());
    }

    private long newCustomer(String name, String locale, String timeZone) throws Exception {
        return studio.ownerApi.create("/api/sites/" + studio.siteId + "/customers", """
                {"name": "%s", "email": "%s-%s@example.com", "locale": "%s", "timeZone": "%s"}
                """.formatted(name, name.toLowerCase(), UUID.randomUUID().toString().substring(0, 8), locale, timeZone));
    }

    private static <T> T single(List<T> items) {
        assertThat(items).hasSize(1);
        return items.get(0);
    }

    private static long idOf(String json) {
        return ((Number) com.jayway.jsonpath.JsonPath.read(json, "$.id")).longValue();
    }
}
