package com.videolinks.booking;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.ConflictException;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/**
 * Makes bookings and announces each one, so what follows from a booking (its confirmation email) commits with it.
 * A session takes bookings only while it is neither cancelled nor started, and up to its capacity (#11); the
 * session's row is locked while its places are counted, so two customers never take the same last place.
 */
@Service
public class BookingDesk {

    private static final Logger log = LoggerFactory.getLogger(BookingDesk.class);

    private final Bookings bookings;
    private final Sessions sessions;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BookingDesk(Bookings bookings, Sessions sessions, ApplicationEventPublisher events, Clock clock) {
        this.bookings = bookings;
        this.sessions = sessions;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Booking book(long sessionId, long customerId) {
        Session session = sessions.getForUpdate(sessionId);
        if (session.cancelled()) {
            throw new ConflictException("session-cancelled", "Session " + sessionId + " is cancelled; it takes no bookings");
        }
        Instant now = clock.instant();
        if (!session.startsAt().isAfter(now)) {
            throw new ConflictException("session-started", "Session " + sessionId + " started at " + session.startsAt()
                    + "; only sessions that have not started take bookings");
        }
        if (bookings.find(sessionId, customerId).isPresent()) {
            throw new ConflictException("already-booked", "Customer " + customerId + " already booked session " + sessionId);
        }
        int booked = bookings.bookedOnSession(sessionId).size();
        if (booked >= session.capacity()) {
            log.info("Session {} is full ({} of {} places): booking of customer {} refused", sessionId, booked,
                    session.capacity(), customerId);
            throw new ConflictException("session-full", "Session " + sessionId + " is full: " + booked + " of "
                    + session.capacity() + (session.capacity() == 1 ? " place" : " places") + " booked");
        }
        Booking booking = bookings.book(sessionId, customerId);
        events.publishEvent(new BookingMade(booking.id(), sessionId, customerId));
        return booking;
    }
}
