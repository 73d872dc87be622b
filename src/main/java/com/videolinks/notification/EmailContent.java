package com.videolinks.notification;

import java.util.List;

/**
 * A rendered email: recipient, subject, and the same text as plain text and HTML; {@code senderName} is the name the
 * email is sent in (the business's site, #13), null for the configured sender's own; {@code replyTo} the business's
 * own address (null: none known, no Reply-To); {@code calendar} the .ics entries it carries (#13).
 */
record EmailContent(String to, String subject, String text, String html, String senderName, String replyTo,
                    List<CalendarFile> calendar) {

    /** One attached iCalendar object: file name, its iTIP method (REQUEST, CANCEL) and the text. */
    record CalendarFile(String fileName, String method, String ics) {
    }

    EmailContent {
        calendar = calendar == null ? List.of() : List.copyOf(calendar);
    }

    EmailContent(String to, String subject, String text, String html) {
        this(to, subject, text, html, null, null, List.of());
    }

    /** The same email, sent in the name of {@code name}, replies going to {@code replyTo} (null: no Reply-To). */
    EmailContent inTheNameOf(String name, String replyTo) {
        return new EmailContent(to, subject, text, html, name, replyTo, calendar);
    }

    /** The same email carrying these calendar entries. */
    EmailContent with(List<CalendarFile> files) {
        return new EmailContent(to, subject, text, html, senderName, replyTo, files);
    }

    @Override
    public String toString() {
        return "EmailContent[to=" + to + ", subject=" + subject + "]";
    }
}
