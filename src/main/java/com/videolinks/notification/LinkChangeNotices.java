package com.videolinks.notification;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.Booking;
import com.videolinks.booking.BookingMade;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.conferencing.AccountChanged;
import com.videolinks.conferencing.AccountRevoked;
import com.videolinks.links.CourseLinkChanged;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.session.Session;
import com.videolinks.session.SessionChanged;
import com.videolinks.session.Sessions;

/**
 * #13: every booked customer hears of every effective change of their session's link, whatever caused it — the
 * site's default account connected, changed or disconnected, a staff member's account connected, disconnected or
 * revoked, a link added or removed by hand, the session switched online or offline or moved, its Zoom meeting
 * recreated or deleted. Each cause asks {@link #sessionsChanged} to look at the sessions it may have touched, in the
 * cause's own transaction: the sessions' views are evaluated (one batch) and compared, per customer channel, with the
 * state last recorded for the session ({@link LinkState}); an effective difference records the new state (its version
 * grows) and writes one LINK_CHANGED email per booking, keyed by session, state version and booking (exactly once),
 * due after {@code link-change-window} so that a burst of changes goes out as one email per customer and session
 * (the older rows are superseded). No difference, nothing written. What the email shows is decided when it is sent
 * (S21), and an email whose session is back to what the customer knew is skipped.
 *
 * <p>A course link edit (S19) is told to its customers by the course workflow; here its sessions' states are only
 * brought up to date, so the change is not announced twice.
 */
@Component
public class LinkChangeNotices {

    private static final Logger log = LoggerFactory.getLogger(LinkChangeNotices.class);
    private static final int BASELINE_PAGE = 200;

    private final SessionLinks links;
    private final Sessions sessions;
    private final Bookings bookings;
    private final Customers customers;
    private final LinkStates states;
    private final Outbox outbox;
    private final SecretBox secrets;
    private final NotificationProperties properties;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LinkChangeNotices(SessionLinks links, Sessions sessions, Bookings bookings, Customers customers, LinkStates states,
                      Outbox outbox, SecretBox secrets, NotificationProperties properties, Clock clock,
                      PlatformTransactionManager transactions) {
        this.links = links;
        this.sessions = sessions;
        this.bookings = bookings;
        this.customers = customers;
        this.states = states;
        this.outbox = outbox;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    @EventListener
    @Transactional
    void on(SessionChanged changed) {
        sessionsChanged(List.of(changed.sessionId()), "session " + changed.change().name().toLowerCase().replace('_', ' '));
    }

    @EventListener
    @Transactional
    void on(AccountChanged changed) {
        // a site's default account reaches links added by hand too (S9): every session of the site not over is compared
        List<Long> served = changed.staffId() == null ? sessions.notOverOfSite(changed.siteId(), clock.instant())
                : sessions.upcomingOfStaff(changed.staffId(), clock.instant());
        sessionsChanged(served, "account " + changed.accountId() + (changed.connected() ? " connected" : " disconnected"));
    }

    @EventListener
    @Transactional
    void on(AccountRevoked revoked) {
        sessionsChanged(revoked.sessionIds(), "account " + revoked.accountId() + " revoked in Zoom");
    }

    /** S19: the course workflow tells the course's customers; the states follow silently. */
    @EventListener
    @Transactional
    void on(CourseLinkChanged changed) {
        List<Long> ofCourse = sessions.ofService(changed.serviceId()).stream().map(Session::id).toList();
        check(ofCourse, "course " + changed.serviceId() + " link edited (announced by the course workflow)", false);
    }

    /** A new booking's session gets its first state, so a later change has something to compare with. */
    @EventListener
    @Transactional
    void on(BookingMade booking) {
        check(List.of(booking.sessionId()), "booking " + booking.bookingId(), false);
    }

    /**
     * Looks at these sessions now and announces every effective change of their link to their booked customers.
     * Joins the caller's transaction (or starts one): the emails commit with the change. Returns the emails written.
     */
    @Transactional
    public int sessionsChanged(Collection<Long> sessionIds, String cause) {
        return check(sessionIds, cause, true);
    }

    /** Booked sessions still to come without a recorded state (data from before #13, demo data) get one. */
    @EventListener(ApplicationReadyEvent.class)
    void recordMissingStates() {
        int recorded = 0;
        long after = 0;
        List<Long> page;
        do {
            page = bookings.upcomingBookedSessions(clock.instant(), after, BASELINE_PAGE);
            List<Long> ids = page;
            recorded += transaction.execute(status -> {
                Map<Long, LinkStates.Stored> known = states.find(ids);
                List<Long> missing = ids.stream().filter(id -> !known.containsKey(id)).toList();
                check(missing, "first look", false);
                return missing.size();
            });
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == BASELINE_PAGE);
        if (recorded > 0) {
            log.info("Recorded the link state of {} booked sessions, so that later changes can be announced", recorded);
        }
    }

    private int check(Collection<Long> sessionIds, String cause, boolean announce) {
        if (sessionIds.isEmpty()) {
            return 0;
        }
        Instant now = clock.instant();
        List<Long> distinct = new ArrayList<>(new LinkedHashSet<>(sessionIds));
        Map<Long, List<Booking>> booked = bookings.bookedOnSessions(distinct).stream()
                .collect(Collectors.groupingBy(Booking::sessionId));
        List<Session> toCheck = sessions.findAll(booked.keySet()).stream()
                .filter(session -> !session.cancelled() && session.endsAt().isAfter(now))
                .toList();
        if (toCheck.isEmpty()) {
            return 0;
        }
        Map<Long, SessionView> views = links.views(toCheck);
        Map<Long, LinkStates.Stored> stored = states.find(views.keySet());
        int written = 0;
        for (Session session : toCheck) {
            LinkState after = LinkState.of(views.get(session.id()), secrets);
            LinkStates.Stored before = stored.get(session.id());
            if (before == null) {
                states.baseline(session.id(), after, now);
                continue;
            }
            if (before.state().equals(after)) {
                continue;
            }
            if (!states.replace(session.id(), before.version(), after, now)) {
                // another transaction changed it first and announced its own change; ours is in its comparison
                log.info("Session {}: link state changed concurrently ({}); leaving the announcement to it", session.id(),
                        cause);
                continue;
            }
            if (!announce || !after.effectiveChangeFrom(before.state())) {
                continue;
            }
            int version = before.version() + 1;
            for (Booking booking : booked.get(session.id())) {
                written += announce(booking, session, version, before.state(), now) ? 1 : 0;
            }
            log.info("Session {}: link changed ({}); {} booked customers will be told", session.id(), cause,
                    booked.get(session.id()).size());
        }
        return written;
    }

    private boolean announce(Booking booking, Session session, int version, LinkState before, Instant now) {
        Customer customer = customers.get(booking.customerId());
        // the customer never saw the links in between: an unsent earlier email's "before" is what they know
        Optional<OutboxMessage> unsent = outbox.oldestUnsentChange(customer.id(), session.id(), null)
                .filter(message -> message.beforeState() != null);
        String beforeState = unsent.map(OutboxMessage::beforeState).orElse(before.serialize());
        String oldUrl = unsent.map(OutboxMessage::oldLinkUrl).orElse(before.emailUrl());
        return outbox.add(NewOutboxMessage.sessionLinkNotice(customer.siteId(), customer.id(), booking.id(), session.id(),
                version, oldUrl, beforeState), now, now.plus(properties.linkChangeWindow()));
    }
}
