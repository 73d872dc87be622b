package com.videolinks.support;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/**
 * An email as its recipient's mail program reads it: decoded plain text and HTML parts, and the text/calendar
 * attachments (#13) one after the other.
 */
public record ReceivedMail(String to, String subject, String messageId, String contentType, String text, String html,
                           String calendar) {

    public static ReceivedMail of(MimeMessage message) {
        try {
            String to = Arrays.stream(message.getAllRecipients()).map(Object::toString).reduce((a, b) -> a + "," + b).orElse("");
            StringBuilder text = new StringBuilder();
            StringBuilder html = new StringBuilder();
            StringBuilder calendar = new StringBuilder();
            collect(message, text, html, calendar);
            return new ReceivedMail(to, message.getSubject(), message.getMessageID(), message.getContentType(),
                    text.toString(), html.toString(), calendar.toString());
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("unreadable message", e);
        }
    }

    public static List<ReceivedMail> to(MimeMessage[] messages, String recipient) {
        return Arrays.stream(messages).map(ReceivedMail::of).filter(mail -> mail.to().equals(recipient)).toList();
    }

    /** Text, HTML and calendar entries together: everything the customer can read. */
    public String everything() {
        return subject + "\n" + text + "\n" + html + "\n" + calendar;
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html, StringBuilder calendar)
            throws MessagingException, IOException {
        if (part.isMimeType("text/calendar")) {
            calendar.append(readable(new String(part.getInputStream().readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8)));
        } else if (part.isMimeType("text/plain")) {
            text.append(part.getContent());
        } else if (part.isMimeType("text/html")) {
            html.append(part.getContent());
        } else if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart body = multipart.getBodyPart(i);
                collect(body, text, html, calendar);
            }
        }
    }

    /**
     * iCalendar text as a calendar program shows it: folded lines joined and TEXT escapes undone, so a search for a
     * link or password finds it even where the file wraps or escapes it (RFC 5545, 3.1 and 3.3.11).
     */
    private static String readable(String ics) {
        return ics.replace("\r\n ", "").replace("\r\n\t", "").replace("\\n", "\n").replace("\\N", "\n")
                .replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\");
    }
}
