package com.videolinks.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/**
 * One email over SMTP as multipart/alternative (plain text and HTML). The Message-ID comes from the idempotency
 * key, so in the rare resend after a crash between sending and recording it, mail systems see the same message.
 */
final class SmtpMail {

    private final JavaMailSender sender;
    private final String from;

    SmtpMail(JavaMailSender sender, String from) {
        this.sender = sender;
        this.from = from;
    }

    /** False when no SMTP host is set (the embedded default): messages then wait in the outbox. */
    static boolean configured(JavaMailSender sender) {
        return sender != null && (!(sender instanceof JavaMailSenderImpl impl) || StringUtils.hasText(impl.getHost()));
    }

    void send(OutboxMessage message, EmailContent email) throws MessagingException {
        MimeMessage mime = sender instanceof JavaMailSenderImpl impl
                ? new KeyedMimeMessage(impl.getSession(), messageId(message.idempotencyKey()))
                : sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(mime, true, StandardCharsets.UTF_8.name());
        helper.setFrom(from);
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        sender.send(mime);
    }

    private String messageId(String key) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "videolinks.invalid";
        return "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain.replaceAll("[^A-Za-z0-9.-]", "") + ">";
    }

    /** Keeps the Message-ID it was given instead of the random one JavaMail sets on saving. */
    private static final class KeyedMimeMessage extends MimeMessage {

        private final String id;

        KeyedMimeMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
