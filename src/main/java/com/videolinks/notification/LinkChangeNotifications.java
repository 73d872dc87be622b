package com.videolinks.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.Booking;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import com.videolinks.links.CourseLinkChanged;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ServiceKind;

/**
 * Course link-changed emails. (Every other change of a session's link is announced by {@link LinkChangeNotices}.)
 * A course edit (S19) can reach thousands of customers, so the course update-and-notify workflow
 * writes them page by page with {@link #courseLinkChangedChunk}; every row is keyed by course, link version and
 * customer, so a chunk run twice writes nothing twice. What the email shows is decided when it is sent.
 */
@Service
public class LinkChangeNotifications {

    private static final Logger log = LoggerFactory.getLogger(LinkChangeNotifications.class);

    /** One page of a course's customers: rows newly written, the last customer id seen, and whether it was the last page. */
    public record CourseChunk(int written, long lastCustomerId, boolean done) {
    }

    /**
     * Where the emails of one course link change are (S19): waiting or being retried, sent, parked after their
     * last attempt, or skipped (e.g. a later change says what is current).
     */
    public record CourseDelivery(long pending, long sent, long parked, long skipped) {
    }

    /** A link-changed email of a course change that failed after its last attempt (S19): who, how often, why. */
    public record ParkedEmail(long notificationId, long customerId, String customerName, int attempts, String lastError) {
    }

    private final Outbox outbox;
    private final Bookings bookings;
    private final Customers customers;
    private final ServiceOfferings services;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate joinOrStart;
    private final TransactionTemplate ownTransaction;
    private final org.springframework.mail.javamail.JavaMailSender sender;

    LinkChangeNotifications(Outbox outbox, Bookings bookings, Customers customers, ServiceOfferings services,
                            NotificationProperties properties, Clock clock, PlatformTransactionManager transactions,
                            org.springframework.beans.factory.ObjectProvider<org.springframework.mail.javamail.JavaMailSender> sender) {
        this.sender = sender.getIfAvailable();
        this.outbox = outbox;
        this.bookings = bookings;
        this.customers = customers;
        this.services = services;
        this.properties = properties;
        this.clock = clock;
        this.joinOrStart = new TransactionTemplate(transactions);
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** S19: {@link #courseLinkChanged(long, int, Link)} for the change {@code LinkEditing} announced. */
    public int courseLinkChanged(CourseLinkChanged change) {
        return courseLinkChanged(change.serviceId(), change.linkVersion(), change.oldLink());
    }

    /**
     * S19: writes one link-changed email per customer holding a booking of the course, every chunk in its own
     * transaction (run it again after a crash: written chunks are not written twice). Returns the rows written.
     * The new link is not a parameter: each email shows what the policy lets emails show when it is sent.
     */
    public int courseLinkChanged(long courseId, int linkVersion, Link oldLink) {
        int written = 0;
        long after = 0;
        CourseChunk chunk;
        do {
            long from = after;
            chunk = ownTransaction.execute(status -> chunk(courseId, linkVersion, oldLink, from));
            written += chunk.written();
            after = chunk.lastCustomerId();
        } while (!chunk.done());
        log.info("Course {} link version {}: {} link-changed emails written to the outbox", courseId, linkVersion, written);
        return written;
    }

    /**
     * S19: one page of {@code videolinks.notifications.course-chunk-size} customers after {@code afterCustomerId}
     * (start with 0, continue with {@link CourseChunk#lastCustomerId()} until {@link CourseChunk#done()}). Joins
     * the caller's transaction, so a workflow job's progress and its rows commit together.
     */
    public CourseChunk courseLinkChangedChunk(long courseId, int linkVersion, Link oldLink, long afterCustomerId) {
        return joinOrStart.execute(status -> chunk(courseId, linkVersion, oldLink, afterCustomerId));
    }

    private CourseChunk chunk(long courseId, int linkVersion, Link oldLink, long afterCustomerId) {
        ServiceOffering course = services.get(courseId);
        if (course.kind() != ServiceKind.COURSE) {
            throw new ConflictException("not-a-course", "Service " + courseId + " is not a course (S18, S19)");
        }
        if (linkVersion < 1 || linkVersion > course.courseLinkVersion()) {
            throw new IllegalArgumentException("course " + courseId + " has no link version " + linkVersion
                    + " (current: " + course.courseLinkVersion() + ")");
        }
        int size = properties.courseChunkSize();
        List<Long> customerIds = bookings.customersBookedInService(courseId, afterCustomerId, size);
        Instant now = clock.instant();
        int written = 0;
        for (long customerId : customerIds) {
            String replaced = replacedUrl(customerId, null, courseId, oldLink);
            if (outbox.add(NewOutboxMessage.courseLinkChanged(course.siteId(), customerId, courseId, linkVersion,
                    replaced), now)) {
                written++;
            }
        }
        long last = customerIds.isEmpty() ? afterCustomerId : customerIds.get(customerIds.size() - 1);
        return new CourseChunk(written, last, customerIds.size() < size);
    }

    /**
     * Whether this node sends emails at all (an SMTP server is configured). Without one (the embedded default)
     * emails wait in the outbox as PENDING, visible in the API, and nothing needs following (#14).
     */
    public boolean emailsCanBeSent() {
        return SmtpMail.configured(sender);
    }

    /** S19: how far the emails of this course link change have got, for the course workflow's progress. */
    public CourseDelivery courseDelivery(long courseId, int linkVersion) {
        var counts = outbox.countCourseChange(courseId, linkVersion);
        return new CourseDelivery(counts.getOrDefault(OutboxStatus.PENDING, 0L), counts.getOrDefault(OutboxStatus.SENT, 0L),
                counts.getOrDefault(OutboxStatus.PARKED, 0L), counts.getOrDefault(OutboxStatus.SKIPPED, 0L));
    }

    /** S19: the parked emails of this course link change (at most {@code limit}), for the owner to re-queue. */
    public List<ParkedEmail> parkedOfCourseChange(long courseId, int linkVersion, int limit) {
        return outbox.ofCourseChange(courseId, linkVersion, OutboxStatus.PARKED, limit).stream()
                .map(m -> new ParkedEmail(m.id(), m.customerId(), customers.get(m.customerId()).name(), m.attempts(),
                        m.lastError()))
                .toList();
    }

    /**
     * Puts a parked email of this course back to PENDING (as {@code POST /api/notifications/{id}/requeue}); false when
     * it is not a parked email of the course any more (re-queued already, e.g. a second click).
     */
    public boolean requeueCourseEmail(long courseId, long notificationId) {
        return outbox.find(notificationId)
                .filter(m -> m.serviceId() != null && m.serviceId() == courseId && m.status() == OutboxStatus.PARKED)
                .map(m -> outbox.requeue(notificationId, clock.instant()))
                .orElse(false);
    }

    /** The link the customer last heard of: an unsent earlier change's old link, else the one just replaced. */
    private String replacedUrl(long customerId, Long sessionId, Long courseId, Link oldLink) {
        return outbox.oldestUnsentChange(customerId, sessionId, courseId)
                .map(OutboxMessage::oldLinkUrl)
                .orElse(oldLink == null ? null : oldLink.url());
    }
}
