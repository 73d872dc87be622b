package com.videolinks.notification;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.StringUtils;

import com.videolinks.notification.MailRenderer.Ready;
import com.videolinks.notification.MailRenderer.Rendering;
import com.videolinks.notification.MailRenderer.Skip;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.mail.MessagingException;

/**
 * Sends due outbox rows through SMTP: claim a batch (safe across nodes), render each at send time, send, record.
 * A failed attempt is retried with exponential backoff; after the last attempt the row is PARKED with its error
 * for an operator or the owner to re-queue. Sending happens outside any transaction; a node that crashes after
 * sending but before recording sends again once its claim expires (at least once, same Message-ID).
 */
@Component
class MailDispatcher {

    private static final Logger log = LoggerFactory.getLogger(MailDispatcher.class);
    /** Rounds of one call; a full batch is followed by another, but a call never runs unbounded. */
    private static final int MAX_ROUNDS = 20;

    private final Outbox outbox;
    private final PromisedLinks promised;
    private final MailRenderer renderer;
    private final JavaMailSender sender;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String node;
    /** This run of the node: claims name it, so a restarted node tells its earlier run's claims from its own. */
    private final String run = UUID.randomUUID().toString();
    private final Counter sent;
    private final Counter failed;
    private final Counter parked;

    MailDispatcher(Outbox outbox, PromisedLinks promised, MailRenderer renderer, ObjectProvider<JavaMailSender> sender,
                   NotificationProperties properties, Clock clock, PlatformTransactionManager transactions,
                   ObjectProvider<MeterRegistry> meters) {
        this.outbox = outbox;
        this.promised = promised;
        this.renderer = renderer;
        this.sender = sender.getIfAvailable();
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.node = StringUtils.hasText(properties.nodeId()) ? properties.nodeId() : defaultNode();
        MeterRegistry registry = meters.getIfAvailable();
        this.sent = registry == null ? null : counter(registry, "sent", "emails handed to the SMTP server");
        this.failed = registry == null ? null : counter(registry, "failed", "failed attempts to send an email");
        this.parked = registry == null ? null : counter(registry, "parked", "emails parked after their last attempt");
        if (registry != null) {
            for (OutboxStatus status : List.of(OutboxStatus.PENDING, OutboxStatus.PARKED)) {
                Gauge.builder("videolinks.notifications.outbox", () -> outbox.count(status))
                        .tag("status", status.name().toLowerCase())
                        .description("emails in the outbox by status").register(registry);
            }
        }
    }

    boolean smtpConfigured() {
        return SmtpMail.configured(sender);
    }

    /** Sends every due message (in batches); returns how many rows it handled. */
    int dispatchDue() {
        if (!smtpConfigured()) {
            return 0;
        }
        try (SmtpMail smtp = new SmtpMail(sender, properties.from())) {
            return dispatchDue(smtp);
        }
    }

    private int dispatchDue(SmtpMail smtp) {
        int handled = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            String claimer = node + "/" + run + "/" + UUID.randomUUID();
            Instant now = clock.instant();
            List<OutboxMessage> batch = outbox.claimDue(claimer, now, now.plus(properties.dispatch().claimFor()),
                    properties.dispatch().batchSize());
            for (int i = 0; i < batch.size(); i++) {
                if (!handle(smtp, batch.get(i), claimer)) {
                    putBack(batch.subList(i + 1, batch.size()), claimer);
                    return handled + i + 1;
                }
            }
            handled += batch.size();
            if (batch.size() < properties.dispatch().batchSize()) {
                break;
            }
        }
        return handled;
    }

    /**
     * The SMTP server could not be reached: the rest of the batch is not tried (each would wait for the connect
     * timeout) and goes back for the next round without losing an attempt.
     */
    private void putBack(List<OutboxMessage> untried, String claimer) {
        Instant next = clock.instant().plus(properties.retry().after(1));
        for (OutboxMessage message : untried) {
            outbox.retryLater(message.id(), claimer, message.attempts(), next,
                    message.lastError() == null ? "not tried yet: the SMTP server was unreachable" : message.lastError());
        }
        if (!untried.isEmpty()) {
            log.warn("SMTP server unreachable: {} more emails wait for the next round", untried.size());
        }
    }

    /** Handles one row; false when the SMTP server could not be reached at all. */
    private boolean handle(SmtpMail smtp, OutboxMessage message, String claimer) {
        Rendering rendering;
        try {
            rendering = renderer.render(message);
        } catch (RuntimeException e) {
            log.error("Email {} ({}) could not be rendered", message.id(), message.kind(), e);
            failed(message, claimer, "rendering failed: " + e);
            return true;
        }
        if (rendering instanceof Skip skip) {
            outbox.skip(message.id(), claimer, skip.reason());
            log.info("Email {} ({}, {}) skipped: {}", message.id(), message.kind(), addressee(message),
                    skip.reason());
            return true;
        }
        Ready ready = (Ready) rendering;
        try {
            smtp.send(message, ready.email());
        } catch (MailException | MessagingException e) {
            failed(message, claimer, e.getClass().getSimpleName() + ": " + e.getMessage());
            return !unreachable(e);
        }
        increment(sent);
        transaction.executeWithoutResult(status -> {
            if (!outbox.markSent(message.id(), claimer, clock.instant(), ready.email().to(), ready.linkStatus())) {
                log.warn("Email {} was sent but its claim had expired; another node may send it again. "
                        + "Raise videolinks.notifications.dispatch.claim-for above the SMTP timeouts", message.id());
            }
            ready.promised().forEach((booking, session) -> promised.promise(booking, session, clock.instant()));
            ready.settled().forEach(promised::settle);
        });
        return true;
    }

    /** Connection refused, unknown host, connect timeout: no message can go out now. */
    private static boolean unreachable(Exception e) {
        List<Throwable> causes = new java.util.ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(send.getFailedMessages().values());
        }
        for (Throwable cause : causes) {
            for (Throwable t = cause; t != null; t = t.getCause()) {
                if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                        || t instanceof java.net.SocketTimeoutException
                        || t.getClass().getSimpleName().equals("MailConnectException")) {
                    return true;
                }
            }
        }
        return false;
    }

    private void failed(OutboxMessage message, String claimer, String error) {
        increment(failed);
        int attempts = message.attempts() + 1;
        int maxAttempts = properties.retry().maxAttempts();
        if (attempts >= maxAttempts) {
            outbox.park(message.id(), claimer, attempts, error);
            increment(parked);
            log.warn("Email {} ({}, {}) PARKED after {} failed attempts: {}. Fix the cause, then re-queue it "
                    + "with POST /api/notifications/{}/requeue", message.id(), message.kind(), addressee(message),
                    attempts, error, message.id());
            return;
        }
        Instant next = clock.instant().plus(properties.retry().after(attempts));
        outbox.retryLater(message.id(), claimer, attempts, next, error);
        log.warn("Email {} ({}) attempt {} of {} failed: {}; next attempt at {}", message.id(), message.kind(),
                attempts, maxAttempts, error, next);
    }

    /**
     * A node with a configured {@code node-id} takes back what its previous run claimed (it crashed or was killed
     * between claiming and sending): those emails go out now, not when the claims expire. Without a configured id
     * the node's name has its process id in it, so nothing of an earlier run is recognisably its own.
     */
    @EventListener(ApplicationReadyEvent.class)
    void releaseClaimsOfEarlierRun() {
        if (!StringUtils.hasText(properties.nodeId())) {
            return;
        }
        int released = outbox.releaseClaimsOf(node, run);
        if (released > 0) {
            log.warn("{} emails claimed by an earlier run of node {} (it stopped before sending them) are due again",
                    released, node);
        }
    }

    @EventListener(ApplicationReadyEvent.class)
    void reportSmtp() {
        if (!smtpConfigured()) {
            log.warn("No SMTP server configured (spring.mail.host is empty): customer emails stay in the outbox as "
                    + "PENDING ({} now) and are sent once SPRING_MAIL_HOST is set and the service restarted",
                    outbox.count(OutboxStatus.PENDING));
            return;
        }
        if (sender instanceof JavaMailSenderImpl impl) {
            log.info("Customer emails go out through SMTP {}:{} as {} (node {})", impl.getHost(), impl.getPort(),
                    properties.from(), node);
        }
    }

    private static String addressee(OutboxMessage message) {
        return message.staffId() != null ? "staff " + message.staffId() : "customer " + message.customerId();
    }

    private static Counter counter(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("videolinks.notifications.emails").tag("outcome", outcome).description(description)
                .register(registry);
    }

    private static void increment(Counter counter) {
        if (counter != null) {
            counter.increment();
        }
    }

    private static String defaultNode() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
