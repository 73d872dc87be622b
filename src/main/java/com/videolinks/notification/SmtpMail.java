package com.videolinks.notification;

import java.nio.charset.StandardCharsets;

import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.util.StringUtils;

import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

/**
 * One email over SMTP as multipart/alternative (plain text and HTML). The Message-ID comes from the idempotency
 * key, so in the rare resend after a crash between sending and recording it, mail systems see the same message.
 * One connection serves a whole dispatch round (connect + EHLO per email cost ~60 ms, most of the time of a
 * 10,000-customer course change, #6); a failed send drops it and the next email connects again.
 */
final class SmtpMail implements AutoCloseable {

    private final JavaMailSender sender;
    private final String from;
    private Transport transport;

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
        MimeMessageHelper helper = new SharedTypesHelper(mime);
        helper.setFrom(sender(email.senderName()));
        helper.setTo(email.to());
        helper.setSubject(email.subject());
        helper.setText(email.text(), email.html());
        if (!(sender instanceof JavaMailSenderImpl impl)) {
            sender.send(mime);
            return;
        }
        if (mime.getSentDate() == null) {
            mime.setSentDate(new java.util.Date());
        }
        mime.saveChanges();
        try {
            connected(impl).sendMessage(mime, mime.getAllRecipients());
        } catch (MessagingException e) {
            close();
            // the same exception JavaMailSender.send throws, so errors read the same in the outbox and the API
            throw new MailSendException("Mail server connection failed or refused the message: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The configured address, in the business's name when the email has one (#13). */
    private jakarta.mail.internet.InternetAddress sender(String name) throws MessagingException {
        jakarta.mail.internet.InternetAddress address = new jakarta.mail.internet.InternetAddress(from);
        if (name != null && !name.isBlank()) {
            try {
                address.setPersonal(name, StandardCharsets.UTF_8.name());
            } catch (java.io.UnsupportedEncodingException e) {
                throw new IllegalStateException("UTF-8 is always supported", e);
            }
        }
        return address;
    }

    private Transport connected(JavaMailSenderImpl impl) throws MessagingException {
        if (transport == null) { // isConnected() would cost a NOOP round trip per email; a failed send closes it
            Transport fresh = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
            fresh.connect(impl.getHost(), impl.getPort(), impl.getUsername(), impl.getPassword());
            transport = fresh;
        }
        return transport;
    }

    /** Ends the round's connection (QUIT); nothing to do if none is open. */
    @Override
    public void close() {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the connection is gone either way
            }
            transport = null;
        }
    }

    private String messageId(String key) {
        String domain = from.contains("@") ? from.substring(from.lastIndexOf('@') + 1) : "videolinks.invalid";
        return "<" + key.replaceAll("[^A-Za-z0-9.-]", ".") + "@" + domain.replaceAll("[^A-Za-z0-9.-]", "") + ">";
    }

    /** Parsing the mime.types table for every email cost a third of the sending time (#6): one table, shared. */
    private static final class SharedTypesHelper extends MimeMessageHelper {

        private static final FileTypeMap TYPES = loadTypes();

        SharedTypesHelper(MimeMessage mime) throws MessagingException {
            super(mime, true, StandardCharsets.UTF_8.name());
        }

        @Override
        protected FileTypeMap getDefaultFileTypeMap(MimeMessage mimeMessage) {
            return TYPES;
        }

        private static FileTypeMap loadTypes() {
            ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
            types.afterPropertiesSet();
            return types;
        }
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
