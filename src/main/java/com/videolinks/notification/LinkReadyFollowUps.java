package com.videolinks.notification;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.Booking;
import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/**
 * Keeps the promise "the link will follow" of an email sent while a session's link was PENDING (a Zoom meeting
 * not created yet, S5): once the email channel shows the link, a LINK_READY email is written. A sweep checks the
 * open promises regularly, whatever created the meeting; {@link #sessionLinkReady} does it at once.
 */
@Component
public class LinkReadyFollowUps {

    private static final Logger log = LoggerFactory.getLogger(LinkReadyFollowUps.class);
    private static final int SWEEP_LIMIT = 1000;

    private final PromisedLinks promised;
    private final Outbox outbox;
    private final Bookings bookings;
    private final Customers customers;
    private final Sessions sessions;
    private final SessionLinks links;
    private final Clock clock;
    private final TransactionTemplate transaction;

    LinkReadyFollowUps(PromisedLinks promised, Outbox outbox, Bookings bookings, Customers customers,
                       Sessions sessions, SessionLinks links, Clock clock, PlatformTransactionManager transactions) {
        this.promised = promised;
        this.outbox = outbox;
        this.bookings = bookings;
        this.customers = customers;
        this.sessions = sessions;
        this.links = links;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * For whoever provisions a session's link (the Zoom integration): writes the follow-ups now, in the caller's
     * transaction if there is one. Returns how many were written.
     */
    public int sessionLinkReady(long sessionId) {
        return followUp(promised.ofSession(sessionId));
    }

    /** Checks the oldest open promises; returns how many follow-ups were written. */
    int sweep() {
        return followUp(promised.oldest(SWEEP_LIMIT));
    }

    private int followUp(List<PromisedLink> open) {
        int written = 0;
        for (PromisedLink promise : open) {
            try {
                if (Boolean.TRUE.equals(transaction.execute(status -> followUp(promise)))) {
                    written++;
                }
            } catch (DuplicateKeyException e) {
                log.debug("Promise {} was followed up by another node", promise.id());
            }
        }
        return written;
    }

    private boolean followUp(PromisedLink promise) {
        Optional<Booking> booking = bookings.find(promise.bookingId())
                .filter(found -> found.status() == Booking.BookingStatus.BOOKED);
        Session session = sessions.get(promise.sessionId());
        if (booking.isEmpty() || session.cancelled() || !session.endsAt().isAfter(clock.instant())) {
            promised.take(promise.id());
            return false;
        }
        if (outbox.hasUnsent(promise.bookingId())) {
            return false; // that email is rendered when sent, so it will carry the link itself
        }
        LinkDecision email = links.view(session).on(Channel.CONFIRMATION_EMAIL);
        switch (email.status()) {
            case PENDING:
                return false;
            case SHOWN:
                if (!promised.take(promise.id())) {
                    return false;
                }
                Customer customer = customers.get(booking.get().customerId());
                return outbox.add(NewOutboxMessage.linkReady(customer.siteId(), customer.id(), promise.bookingId(),
                        session.id(), promise.id()), clock.instant());
            default:
                // hidden from emails now, or no link at all: nothing can follow by email (the email said where else)
                promised.take(promise.id());
                return false;
        }
    }
}
