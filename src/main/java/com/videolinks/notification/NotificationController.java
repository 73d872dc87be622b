package com.videolinks.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;
import com.videolinks.security.Role;

/**
 * The outbox for operators (every site) and owners (their own sites): what waits, what was sent, what is parked
 * and why, and re-queuing a parked email. Email content is not stored, so none is shown.
 */
@RestController
class NotificationController {

    private static final int MAX_LIMIT = 500;

    record NotificationView(long id, NotificationKind kind, OutboxStatus status, long siteId, Long customerId,
                            Long bookingId, Long sessionId, Long serviceId, Integer linkVersion, String idempotencyKey,
                            int attempts, Instant nextAttemptAt, String lastError, Instant createdAt, Instant sentAt,
                            String recipient, String linkStatus, Long staffId) {

        static NotificationView of(OutboxMessage m) {
            return new NotificationView(m.id(), m.kind(), m.status(), m.siteId(), m.customerId(), m.bookingId(),
                    m.sessionId(), m.serviceId(), m.linkVersion(), m.idempotencyKey(), m.attempts(),
                    m.status() == OutboxStatus.PENDING ? m.nextAttemptAt() : null, m.lastError(), m.createdAt(),
                    m.sentAt(), m.recipient(), m.linkStatus(), m.staffId());
        }
    }

    private final Outbox outbox;
    private final Access access;
    private final Clock clock;

    NotificationController(Outbox outbox, Access access, Clock clock) {
        this.outbox = outbox;
        this.access = access;
        this.clock = clock;
    }

    @GetMapping("/api/notifications")
    List<NotificationView> all(@RequestParam(required = false) OutboxStatus status,
                               @RequestParam(defaultValue = "100") int limit) {
        if (access.current().role() != Role.OPERATOR) {
            throw new AccessDeniedException("only operators list every site's emails; owners use /api/sites/{id}/notifications");
        }
        return outbox.list(null, status, checked(limit)).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/api/sites/{siteId}/notifications")
    List<NotificationView> ofSite(@PathVariable long siteId, @RequestParam(required = false) OutboxStatus status,
                                  @RequestParam(defaultValue = "100") int limit) {
        access.requireSiteManager(siteId);
        return outbox.list(siteId, status, checked(limit)).stream().map(NotificationView::of).toList();
    }

    @GetMapping("/api/notifications/{id}")
    NotificationView one(@PathVariable long id) {
        return NotificationView.of(managed(id));
    }

    /** A parked email goes back to PENDING with its attempts reset and is sent in the next round. */
    @PostMapping("/api/notifications/{id}/requeue")
    NotificationView requeue(@PathVariable long id) {
        OutboxMessage message = managed(id);
        if (!outbox.requeue(id, clock.instant())) {
            throw new ConflictException("not-parked", "Email " + id + " is " + message.status() + "; only PARKED emails are re-queued");
        }
        return NotificationView.of(outbox.find(id).orElseThrow());
    }

    private OutboxMessage managed(long id) {
        OutboxMessage message = outbox.find(id).orElseThrow(() -> new NotFoundException("notification", id));
        access.requireSiteManager(message.siteId(), "notification", id);
        return message;
    }

    private static int checked(int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidInputException("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
