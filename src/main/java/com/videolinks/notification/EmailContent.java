package com.videolinks.notification;

/**
 * A rendered email: recipient, subject, and the same text as plain text and HTML; {@code senderName} is the name the
 * email is sent in (the business's site, #13), null for the configured sender's own.
 */
record EmailContent(String to, String subject, String text, String html, String senderName) {

    EmailContent(String to, String subject, String text, String html) {
        this(to, subject, text, html, null);
    }

    /** The same email, sent in the name of {@code name}. */
    EmailContent inTheNameOf(String name) {
        return new EmailContent(to, subject, text, html, name);
    }

    @Override
    public String toString() {
        return "EmailContent[to=" + to + ", subject=" + subject + "]";
    }
}
