package com.videolinks.booking;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Makes bookings and announces each one, so what follows from a booking (its confirmation email) commits with it. */
@Service
public class BookingDesk {

    private final Bookings bookings;
    private final ApplicationEventPublisher events;

    BookingDesk(Bookings bookings, ApplicationEventPublisher events) {
        this.bookings = bookings;
        this.events = events;
    }

    @Transactional
    public Booking book(long sessionId, long customerId) {
        Booking booking = bookings.book(sessionId, customerId);
        events.publishEvent(new BookingMade(booking.id(), sessionId, customerId));
        return booking;
    }
}
