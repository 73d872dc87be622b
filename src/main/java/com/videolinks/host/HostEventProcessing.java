package com.videolinks.host;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.common.ConflictException;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.validation.Validator;

/**
 * Receives host events exactly once: the receipt (key + event id) is written in the transaction of the change the
 * event makes, so an event is either applied and recorded, or neither. A second delivery of the same id is a
 * DUPLICATE (the same body) or refused (another body, 409). An event whose parent has not arrived is stored PENDING and
 * applied when the parent is (right after the parent's transaction), or by the periodic retry; one still waiting after
 * {@code pending-fails-after} is FAILED: a metric, a WARN line naming it and why, and an operator can replay it.
 */
@Service
class HostEventProcessing {

    private static final Logger log = LoggerFactory.getLogger(HostEventProcessing.class);
    static final String METRIC = "videolinks.host.events";

    private final HostEventLog events;
    private final HostEventApplier applier;
    private final ObjectMapper json;
    private final Validator validator;
    private final HostProperties properties;
    private final MeterRegistry metrics;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final TransactionTemplate savepoint;

    HostEventProcessing(HostEventLog events, HostEventApplier applier, ObjectMapper json, Validator validator,
                        HostProperties properties, MeterRegistry metrics, Clock clock,
                        PlatformTransactionManager transactions) {
        this.events = events;
        this.applier = applier;
        this.json = json;
        this.validator = validator;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        for (HostEventStatus status : new HostEventStatus[] {HostEventStatus.PENDING, HostEventStatus.FAILED}) {
            Gauge.builder(METRIC + ".waiting", events, log -> log.count(status))
                    .description("host events waiting for their parent (pending) or for an operator (failed)")
                    .tag("status", status.name().toLowerCase()).register(metrics);
        }
    }

    /** A verified delivery of {@code key}: parsed, deduplicated, applied or stored as pending. */
    HostEventReply receive(HostProperties.Key key, byte[] body) {
        ParsedHostEvent parsed;
        try {
            parsed = ParsedHostEvent.parse(body, json, validator);
        } catch (InvalidHostEvent invalid) {
            count("refused");
            throw invalid;
        }
        String sha = HostSignatures.sha256(body);
        HostEventReply reply;
        try {
            reply = transaction.execute(status -> {
                HostEventReply duplicate = duplicateOf(key.id(), parsed.event().id(), sha);
                if (duplicate != null) {
                    return duplicate;
                }
                long id = events.insert(key.id(), parsed.event(), sha, new String(body, StandardCharsets.UTF_8),
                        clock.instant());
                return attempt(id, key.id(), parsed, true);
            });
        } catch (DuplicateKeyException concurrentDelivery) {
            reply = transaction.execute(status -> duplicateOf(key.id(), parsed.event().id(), sha));
            if (reply == null) {
                throw concurrentDelivery;
            }
        } catch (RuntimeException refused) {
            count("refused");
            throw refused;
        }
        if ("APPLIED".equals(reply.status())) {
            wake(parsed.type().kind().key(parsed.event().siteId(), parsed.event().entityHostId(parsed.type())));
        }
        return reply;
    }

    private HostEventReply duplicateOf(String keyId, String eventId, String sha) {
        return events.find(keyId, eventId).map(existing -> {
            if (!existing.bodySha256().equals(sha)) {
                throw new ConflictException("event-id-reused", "Event " + eventId + " was received before with "
                        + "another body; an event id names one event (send a new id for a new event)");
            }
            count("duplicate");
            return new HostEventReply(eventId, existing.id(), "DUPLICATE",
                    "received before (" + existing.status() + "); not applied again");
        }).orElse(null);
    }

    /**
     * Applies the stored event {@code id} inside the current transaction, under a savepoint: waiting for a parent rolls
     * back whatever it did and marks it PENDING. A fresh delivery the domain refuses propagates (nothing is stored, the
     * host hears why); a stored one is FAILED.
     */
    private HostEventReply attempt(long id, String keyId, ParsedHostEvent parsed, boolean fresh) {
        String eventId = parsed.event().id();
        Instant now = clock.instant();
        try {
            HostEventOutcome outcome = savepoint.execute(status -> applier.apply(keyId, parsed.event(), parsed.type(),
                    parsed.data()));
            events.applied(id, outcome.status(), outcome.reason(), now);
            count(outcome.status().name().toLowerCase());
            return new HostEventReply(eventId, id, outcome.status().name(), outcome.reason());
        } catch (WaitingForParent waiting) {
            events.pending(id, waiting.parentKey(), waiting.getMessage(), now);
            if (fresh) {
                count("pending");
                log.info("Host event {} ({}) waits: {}", eventId, parsed.type().wireName(), waiting.getMessage());
            }
            return new HostEventReply(eventId, id, "PENDING", waiting.getMessage());
        } catch (RuntimeException refused) {
            if (fresh) {
                throw refused;
            }
            fail(id, parsed, reasonOf(refused));
            return new HostEventReply(eventId, id, "FAILED", reasonOf(refused));
        }
    }

    /** Applies the events waiting for {@code parentKey}, and those waiting for what they create, each in its own transaction. */
    void wake(String parentKey) {
        Deque<String> keys = new ArrayDeque<>();
        Set<String> seen = new HashSet<>();
        keys.add(parentKey);
        while (!keys.isEmpty()) {
            String key = keys.poll();
            if (!seen.add(key)) {
                continue;
            }
            for (long id : events.waitingFor(key)) {
                Retried retried = retry(id);
                if (retried != null && "APPLIED".equals(retried.reply().status())) {
                    keys.add(retried.entityKey());
                }
            }
        }
    }

    private record Retried(HostEventReply reply, String entityKey) {
    }

    /** Tries a stored PENDING or FAILED event again, in a transaction of its own. */
    private Retried retry(long id) {
        return transaction.execute(status -> {
            if (!events.lockUnapplied(id)) {
                return null; // applied meanwhile (by the wake of a parent, or another node's retry)
            }
            HostEventRecord stored = events.find(id).orElseThrow();
            ParsedHostEvent parsed;
            try {
                parsed = ParsedHostEvent.parse(stored.payload().getBytes(StandardCharsets.UTF_8), json, validator);
            } catch (InvalidHostEvent e) {
                fail(id, null, "the stored event no longer parses: " + e.getMessage());
                return null;
            }
            HostEventReply reply = attempt(id, stored.keyId(), parsed, false);
            return new Retried(reply, parsed.type().kind().key(parsed.event().siteId(),
                    parsed.event().entityHostId(parsed.type())));
        });
    }

    /** An operator replays a FAILED (or PENDING) event: it is tried now and, if it still waits, waits anew. */
    HostEventReply replay(long id) {
        HostEventRecord stored = events.find(id).orElseThrow(() -> new com.videolinks.common.NotFoundException("host event", id));
        if (stored.status() != HostEventStatus.FAILED && stored.status() != HostEventStatus.PENDING) {
            throw new HostEventRefused(HttpStatus.CONFLICT, "event-not-replayable", "Host event " + id + " is "
                    + stored.status() + "; only FAILED and PENDING events are replayed");
        }
        transaction.executeWithoutResult(status -> events.pending(id, null, null, null));
        log.info("Host event {} ({}) replayed by an operator", stored.eventId(), stored.type());
        Retried retried = retry(id);
        if (retried == null) {
            return new HostEventReply(stored.eventId(), id, events.find(id).orElseThrow().status().name(), null);
        }
        if ("APPLIED".equals(retried.reply().status())) {
            wake(retried.entityKey());
        }
        return retried.reply();
    }

    /** The periodic pass: pending events are tried again; those waiting too long are FAILED. */
    void retryPending() {
        for (long id : events.pendingIds(500)) {
            Retried retried = retry(id);
            if (retried != null && "APPLIED".equals(retried.reply().status())) {
                wake(retried.entityKey());
            }
        }
        Instant bound = clock.instant().minus(properties.pendingFailsAfter());
        for (long id : events.pendingSince(bound)) {
            transaction.executeWithoutResult(status -> events.find(id)
                    .filter(stored -> stored.status() == HostEventStatus.PENDING)
                    .ifPresent(stored -> fail(id, null, "still waiting after " + properties.pendingFailsAfter()
                            + ": " + stored.reason())));
        }
    }

    private void fail(long id, ParsedHostEvent parsed, String reason) {
        events.failed(id, reason);
        count("failed");
        HostEventRecord stored = events.find(id).orElseThrow();
        log.warn("Host event {} ({}, site {}, {} {}) FAILED: {}. Fix the cause, then replay it: "
                        + "POST /api/host/events/{}/replay (operators; GET /api/host/events?status=FAILED lists them)",
                stored.eventId(), stored.type(), stored.siteId(), String.valueOf(stored.entityKind()).toLowerCase(),
                stored.entityId(), reason, id);
    }

    private static String reasonOf(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof com.videolinks.common.InvalidInputException invalid) {
            return invalid.field() + " " + message;
        }
        if (e instanceof ConflictException conflict) {
            return conflict.code() + ": " + message;
        }
        return message;
    }

    private void count(String outcome) {
        metrics.counter(METRIC, "outcome", outcome).increment();
    }
}
