package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.util.TestSocketUtils;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.booking.Customers;
import com.videolinks.security.AppUsers;
import com.videolinks.site.Sites;
import com.videolinks.staff.StaffMembers;
import com.videolinks.support.Api;
import com.videolinks.support.CalendarAttachments;
import com.videolinks.support.MutableClock;
import com.videolinks.support.ReceivedMail;
import com.videolinks.support.StudioFixture;

import jakarta.mail.Address;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * #13 item 2, S11, S19, S21: emails people can act on, end to end through the real SMTP server (GreenMail): sent
 * in the business's name with its Reply-To, linking My Bookings and the session's page (which open for the customer
 * once signed in), carrying a calendar entry parsed back with ical4j whose UID stays and whose SEQUENCE grows from
 * one email to the next, with the join link only when the email shows it; staff emails in the staff member's
 * language; a wrong address or language refused, naming the field, changing nothing.
 */
@SpringBootTest(properties = {
        "videolinks.notifications.dispatch.enabled=false",
        "videolinks.notifications.link-change-window=2m",
        "videolinks.notifications.public-base-url=https://bookings.example.com",
        "videolinks.notifications.from=mail@videolinks.example"})
@AutoConfigureMockMvc
class EmailActionsTest {

    private static final int SMTP_PORT = TestSocketUtils.findAvailableTcpPort();
    private static final Duration WINDOW = Duration.ofMinutes(2);
    private static final String BUSINESS = "hello@studio.example";

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
    Sites sites;
    @Autowired
    StaffMembers staff;
    @Autowired
    MailDispatcher dispatcher;
    @Autowired
    StaffNotifications staffNotifications;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    Clock clock;

    GreenMail smtp;
    StudioFixture studio;
    String soyeon;

    @BeforeEach
    void startSmtpAndBuildStudio() throws Exception {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        dispatcher.dispatchDue(); // other tests' studios
        smtp.purgeEmailFromAllMailboxes();
        studio = new StudioFixture(mvc, users);
        soyeon = customers.get(studio.customerId).email();
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/contact-email", "{\"email\": \"" + BUSINESS + "\"}")
                .andExpect(status().isOk()).andExpect(jsonPath("$.contactEmail").value(BUSINESS));
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void s21_aConfirmationIsSentInTheBusinessNameRepliesGoToItAndItLinksBothPagesAndCarriesTheCalendarEntry()
            throws Exception {
        dispatcher.dispatchDue();
        MimeMessage message = messageTo(soyeon, "예약 확정: Morning Flow");

        InternetAddress from = (InternetAddress) message.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("mail@videolinks.example");
        assertThat(from.getPersonal()).startsWith("Studio ");
        assertThat(message.getReplyTo()).extracting(Address::toString).containsExactly(BUSINESS);

        ReceivedMail mail = ReceivedMail.of(message);
        String page = "https://bookings.example.com/member/sessions/" + studio.classSessionId;
        assertThat(mail.text()).contains("https://bookings.example.com/my-bookings", page);
        assertThat(mail.html()).contains("href=\"https://bookings.example.com/my-bookings\"", "href=\"" + page + "\"");

        CalendarAttachments.Attached entry = CalendarAttachments.of(message).single();
        assertThat(entry.contentType()).contains("text/calendar", "method=REQUEST");
        assertThat(entry.method()).isEqualTo("REQUEST");
        assertThat(entry.uid()).isEqualTo("session-" + studio.classSessionId + ".customer-" + studio.customerId
                + "@bookings.example.com");
        assertThat(entry.sequence()).isZero();
        assertThat(entry.eventValue("DTSTART")).isEqualTo("20300110T010000Z");
        assertThat(entry.eventValue("DTEND")).isEqualTo("20300110T020000Z");
        assertThat(entry.eventValue("SUMMARY")).contains("Morning Flow", "Studio ");
        assertThat(entry.eventValue("LOCATION")).isEqualTo("https://meet.example.com/default");
        assertThat(entry.eventValue("DESCRIPTION")).contains("https://meet.example.com/default", "pw1", "Default room",
                page);
        assertThat(entry.eventValue("URL")).isEqualTo(page);
        assertThat(entry.eventValue("ORGANIZER")).isEqualTo("mailto:" + BUSINESS);
        assertThat(entry.eventValue("ATTENDEE")).isEqualTo("mailto:" + soyeon);
    }

    @Test
    void s11_twoSuccessiveChangesUpdateTheSameCalendarEntryWithAGrowingSequence() throws Exception {
        dispatcher.dispatchDue();
        CalendarAttachments.Attached confirmation = CalendarAttachments.of(messageTo(soyeon, "예약 확정: Morning Flow"))
                .single();
        smtp.purgeEmailFromAllMailboxes();

        addLink("https://meet.example.com/first");
        CalendarAttachments.Attached first = CalendarAttachments.of(afterTheWindow("화상 링크 변경: Morning Flow")).single();
        addLink("https://meet.example.com/second");
        CalendarAttachments.Attached second = CalendarAttachments.of(afterTheWindow("화상 링크 변경: Morning Flow"))
                .single();

        assertThat(List.of(first.uid(), second.uid())).containsOnly(confirmation.uid());
        assertThat(first.sequence()).isGreaterThan(confirmation.sequence());
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(first.eventValue("LOCATION")).isEqualTo("https://meet.example.com/first");
        assertThat(second.eventValue("LOCATION")).isEqualTo("https://meet.example.com/second");
        assertThat(second.method()).isEqualTo("REQUEST");
    }

    @Test
    void s21_aLinkHiddenFromEmailsIsNotInTheCalendarEntryEitherWhichPointsToWhereItIsShown() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/visibility",
                "{\"confirmationEmail\": false, \"myBookings\": true, \"memberPages\": true}").andExpect(status().isOk());
        dispatcher.dispatchDue();
        MimeMessage message = messageTo(soyeon, "예약 확정: Morning Flow");

        CalendarAttachments.Attached entry = CalendarAttachments.of(message).single();
        assertThat(entry.eventValue("LOCATION")).isNull();
        assertThat(entry.calendar().toString()).doesNotContain("meet.example.com", "pw1", "Default room");
        assertThat(entry.eventValue("DESCRIPTION")).contains("https://bookings.example.com/my-bookings");
        assertThat(ReceivedMail.of(message).everything()).doesNotContain("meet.example.com", "pw1", "Default room");
    }

    @Test
    void aBusinessWithoutAnAddressSendsNoReplyTo() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/contact-email", "{\"email\": null}")
                .andExpect(status().isOk());
        assertThat(sites.get(studio.siteId).contactEmail()).isNull();
        dispatcher.dispatchDue();

        MimeMessage message = messageTo(soyeon, "예약 확정: Morning Flow");
        assertThat(message.getHeader("Reply-To")).isNull();
        assertThat(CalendarAttachments.of(message).single().eventValue("ORGANIZER"))
                .isEqualTo("mailto:mail@videolinks.example");
    }

    @Test
    void s22_theSessionPageLinkOfTheEmailOpensForTheCustomerOnceTheySignIn() throws Exception {
        dispatcher.dispatchDue();
        String text = ReceivedMail.of(messageTo(soyeon, "예약 확정: Morning Flow")).text();
        Matcher link = Pattern.compile("https://bookings\\.example\\.com(/member/sessions/\\d+)").matcher(text);
        assertThat(link.find()).isTrue();
        String path = URI.create(link.group()).getPath();

        MockHttpSession browser = (MockHttpSession) mvc.perform(get(path)).andExpect(status().isFound())
                .andExpect(redirectedUrlPattern("**/login")).andReturn().getRequest().getSession();
        mvc.perform(post("/login").session(browser).param("username", studio.customerUser)
                        .param("password", Api.PASSWORD).with(csrf()))
                .andExpect(status().isFound()).andExpect(redirectedUrlPattern("**" + path + "*"));
        String page = mvc.perform(get(path).session(browser)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("Morning Flow", "https://meet.example.com/default");
    }

    @Test
    void aStaffMemberWhoChoseEnglishGetsTheirEmailInEnglishInTheBusinessName() throws Exception {
        long lee = studio.ownerApi.create("/api/sites/" + studio.siteId + "/staff", """
                {"name": "Lee", "email": "lee-%d@example.com", "locale": "en"}
                """.formatted(studio.siteId));
        assertThat(staff.get(lee).locale().getLanguage()).isEqualTo("en");
        long accountId = ((Number) com.jayway.jsonpath.JsonPath.read(studio.ownerApi.put("/api/staff/" + lee + "/account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/lee", "password": "lee-pw"}}
                """).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(), "$.id")).longValue();
        new TransactionTemplate(transactions).executeWithoutResult(
                tx -> staffNotifications.accountConnected(studio.siteId, lee, accountId));
        dispatcher.dispatchDue();

        MimeMessage message = single(ReceivedMail.to(smtp.getReceivedMessages(), "lee-" + studio.siteId + "@example.com"),
                "lee");
        assertThat(message.getSubject()).startsWith("Your video account is active: Studio ");
        assertThat(ReceivedMail.of(message).text()).contains("Hello Lee,", "https://meet.example.com/lee")
                .doesNotContain("lee-pw");
        assertThat(message.getReplyTo()).extracting(Address::toString).containsExactly(BUSINESS);
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).startsWith("Studio ");
    }

    @Test
    void aStaffMemberWithoutALanguageKeepsKoreanAsBefore() throws Exception {
        assertThat(staff.get(studio.staffId).locale().getLanguage()).isEqualTo("ko");
    }

    @Test
    void anAddressThatIsNoEmailAddressIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/contact-email", "{\"email\": \"not an address\"}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("email"));
        studio.ownerApi.put("/api/sites/" + studio.siteId + "/contact-email",
                        "{\"email\": \"x@example.com\\r\\nBcc: victim@example.com\"}")
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("email"));
        assertThat(sites.get(studio.siteId).contactEmail()).isEqualTo(BUSINESS);
    }

    @Test
    void anUnknownLanguageForAStaffMemberIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        int before = staff.ofSite(studio.siteId).size();
        for (String wrong : List.of("klingon", "not a tag!", "xx")) {
            studio.ownerApi.post("/api/sites/" + studio.siteId + "/staff", """
                    {"name": "Min", "email": "min@example.com", "locale": "%s"}
                    """.formatted(wrong))
                    .andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("locale"));
        }
        studio.ownerApi.put("/api/staff/" + studio.staffId, """
                {"name": "Renamed", "email": "renamed@example.com", "locale": "klingon"}
                """).andExpect(status().isBadRequest()).andExpect(jsonPath("$.errors[0].field").value("locale"));
        assertThat(staff.ofSite(studio.siteId)).hasSize(before);
        assertThat(staff.get(studio.staffId).name()).isEqualTo("Hana");
    }

    private void addLink(String url) throws Exception {
        studio.staffApi.put("/api/sessions/" + studio.classSessionId + "/link", "{\"url\": \"" + url + "\"}")
                .andExpect(status().isOk());
    }

    /** Lets the coalescing window pass, sends what is due and returns Soyeon's email with this subject. */
    private MimeMessage afterTheWindow(String subject) throws Exception {
        ((MutableClock) clock).advance(WINDOW.plusSeconds(1));
        dispatcher.dispatchDue();
        MimeMessage message = messageTo(soyeon, subject);
        smtp.purgeEmailFromAllMailboxes();
        return message;
    }

    private MimeMessage messageTo(String recipient, String subject) throws Exception {
        List<MimeMessage> found = new java.util.ArrayList<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            ReceivedMail mail = ReceivedMail.of(message);
            if (mail.to().equals(recipient) && subject.equals(mail.subject())) {
                found.add(message);
            }
        }
        assertThat(found).as("emails to %s titled %s", recipient, subject).hasSize(1);
        return found.get(0);
    }

    private MimeMessage single(List<ReceivedMail> mails, String who) throws Exception {
        assertThat(mails).as("emails to " + who).hasSize(1);
        for (MimeMessage message : smtp.getReceivedMessages()) {
            if (ReceivedMail.of(message).messageId().equals(mails.get(0).messageId())) {
                return message;
            }
        }
        throw new AssertionError("no message " + mails.get(0).messageId());
    }
}
