package com.videolinks.notification;

/** A rendered email: recipient, subject, and the same text as plain text and HTML. */
record EmailContent(String to, String subject, String text, String html) {

    @Override
    public String toString() {
        return "EmailContent[to=" + to + ", subject=" + subject + "]";
    }
}
