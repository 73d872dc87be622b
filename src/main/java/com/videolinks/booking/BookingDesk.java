package com.videolinks.booking;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.NotFoundException;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/**
 * Makes and cancels bookings, the one write path of the REST API and of the host's booking events, and announces
 * each booking, so what follows from it (its confirmation email) commits with it. A session takes bookings only
 * while it is neither cancelled nor started, and up to its capacity (#11); the session's row is locked while its
 * places are counted, so two customers never take the same last place.
 */
@Service
public class BookingDesk {

    private static final Logger log = LoggerFactory.getLogger(BookingDesk.class);

    private final Bookings bookings;
    private final Customers customers;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingDesk(Bookings bookings, Customers customers, Sessions sessions, ServiceOfferings services,
                ApplicationEventPublisher events, Clock clock) {
        this.bookings = bookings;
        this.customers = customers;
        this.sessions = sessions;
        this.services = services;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The customer takes a place in the session: a customer of the session's site, once (409 {@code already-booked}),
     * not in a cancelled (409 {@code session-cancelled}), started (409 {@code session-started}) or full (409
     * {@code session-full}) session. A cancelled booking of the same session is booked again.
     */
    @Transactional
    public Booking book(long sessionId, long customerId) {
        Session session = sessions.getForUpdate(sessionId);
        long siteId = services.get(session.serviceId()).siteId();
        Customer customer = customers.find(customerId)
                .orElseThrow(() -> new InvalidInputException("customerId", "no customer " + customerId));
        if (customer.siteId() != siteId) {
            throw new InvalidInputException("customerId", "customer " + customerId + " is not a customer of this site");
        }
        if (session.cancelled()) {
            throw new ConflictException("session-cancelled", "Session " + sessionId + " is cancelled; it takes no bookings");
        }
        Instant now = clock.instant();
        if (!session.startsAt().isAfter(now)) {
            throw new ConflictException("session-started", "Session " + sessionId + " started at " + session.startsAt()
                    + "; only sessions that have not started take bookings");
        }
        Booking booking = bookings.find(sessionId, customerId).orElse(null);
        if (booking != null && booking.status() == Booking.BookingStatus.BOOKED) {
            throw new ConflictException("already-booked", "Customer " + customerId + " already booked session " + sessionId);
        }
        int booked = bookings.bookedOnSession(sessionId).size();
        if (booked >= session.capacity()) {
            log.info("Session {} is full ({} of {} places): booking of customer {} refused", sessionId, booked,
                    session.capacity(), customerId);
            throw new ConflictException("session-full", "Session " + sessionId + " is full: " + booked + " of "
                    + session.capacity() + (session.capacity() == 1 ? " place" : " places") + " booked");
        }
        if (booking == null) {
            booking = bookings.book(sessionId, customerId);
        } else {
            bookings.rebook(booking.id());
            booking = bookings.find(booking.id()).orElseThrow();
        }
        events.publishEvent(new BookingMade(booking.id(), sessionId, customerId));
        return booking;
    }

    /** The customer gives up their place; cancelling twice is harmless. */
    @Transactional
    public Booking cancel(long bookingId) {
        Booking booking = bookings.find(bookingId).orElseThrow(() -> new NotFoundException("booking", bookingId));
        if (booking.status() == Booking.BookingStatus.BOOKED) {
            bookings.cancel(bookingId);
            log.info("Booking {} of session {} cancelled", bookingId, booking.sessionId());
            events.publishEvent(new BookingCancelled(bookingId, booking.sessionId(), booking.customerId()));
        }
        return bookings.find(bookingId).orElseThrow();
    }
}
