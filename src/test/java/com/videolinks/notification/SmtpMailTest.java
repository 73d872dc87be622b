package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.videolinks.notification.EmailContent.CalendarFile;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * #13: the MIME structure of an email as SMTP carries it, without the application: From in the business's name,
 * Reply-To the business (or none), text and HTML as alternatives, each calendar entry a text/calendar attachment that
 * names its iTIP method.
 */
class SmtpMailTest {

    private GreenMail smtp;
    private JavaMailSenderImpl sender;

    @BeforeEach
    void startSmtp() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    @Test
    void anEmailInTheBusinessNameRepliesToItAndCarriesItsCalendarEntryBesideTextAndHtml() throws Exception {
        EmailContent email = new EmailContent("soyeon@example.com", "예약 확정: Morning Flow", "text body", "<p>html body</p>")
                .inTheNameOf("Mina Yoga Seoul", "hello@mina.example")
                .with(List.of(new CalendarFile("invite.ics", "REQUEST", "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")));

        send(email);

        MimeMessage received = single();
        InternetAddress from = (InternetAddress) received.getFrom()[0];
        assertThat(from.getAddress()).isEqualTo("no-reply@videolinks.example");
        assertThat(from.getPersonal()).isEqualTo("Mina Yoga Seoul");
        assertThat(received.getReplyTo()).extracting(Object::toString).containsExactly("hello@mina.example");
        assertThat(received.getContentType()).startsWith("multipart/mixed");
        Multipart mixed = (Multipart) received.getContent();
        List<String> types = new java.util.ArrayList<>();
        for (int i = 0; i < mixed.getCount(); i++) {
            types.add(mixed.getBodyPart(i).getContentType().toLowerCase());
        }
        assertThat(types).anySatisfy(type -> assertThat(type).startsWith("multipart/related"));
        Part calendar = mixed.getBodyPart(types.indexOf(types.stream().filter(t -> t.startsWith("text/calendar"))
                .findFirst().orElseThrow()));
        assertThat(calendar.getContentType()).contains("method=REQUEST", "charset=UTF-8");
        assertThat(calendar.getFileName()).isEqualTo("invite.ics");
        assertThat(calendar.getDisposition()).isEqualTo(Part.ATTACHMENT);
        assertThat(new String(calendar.getInputStream().readAllBytes())).startsWith("BEGIN:VCALENDAR");
        assertThat(com.videolinks.support.ReceivedMail.of(received).text()).contains("text body");
        assertThat(com.videolinks.support.ReceivedMail.of(received).html()).contains("html body");
    }

    @Test
    void aBusinessWithoutAnAddressSendsNoReplyToAndAnEmailWithoutEntriesNoAttachment() throws Exception {
        send(new EmailContent("hana@example.com", "subject", "text", "<p>html</p>").inTheNameOf("Mina Yoga Seoul", null));

        MimeMessage received = single();
        assertThat(received.getHeader("Reply-To")).isNull();
        assertThat(com.videolinks.support.CalendarAttachments.of(received).files()).isEmpty();
    }

    private void send(EmailContent email) throws Exception {
        OutboxMessage message = new OutboxMessage(1, "booking-confirmation:booking-1", NotificationKind.BOOKING_CONFIRMATION,
                1, 1L, 1L, 1L, null, null, null, OutboxStatus.PENDING, 0, null, null, null, null, null, null, null, null,
                null);
        try (SmtpMail mail = new SmtpMail(sender, "Videolinks <no-reply@videolinks.example>")) {
            mail.send(message, email);
        }
    }

    private MimeMessage single() {
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage[] messages = smtp.getReceivedMessages();
        assertThat(messages).hasSize(1);
        return messages[0];
    }
}
