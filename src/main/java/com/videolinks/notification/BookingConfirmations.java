package com.videolinks.notification;

import java.time.Clock;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.booking.BookingMade;
import com.videolinks.booking.Customer;
import com.videolinks.booking.Customers;

/** Writes a booking's confirmation email to the outbox in the booking's own transaction (S21). */
@Component
class BookingConfirmations {

    private final Outbox outbox;
    private final Customers customers;
    private final Clock clock;

    BookingConfirmations(Outbox outbox, Customers customers, Clock clock) {
        this.outbox = outbox;
        this.customers = customers;
        this.clock = clock;
    }

    /** MANDATORY: a booking outside a transaction could commit without its email; this refuses instead. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(BookingMade booking) {
        Customer customer = customers.get(booking.customerId());
        outbox.add(NewOutboxMessage.confirmation(customer.siteId(), customer.id(), booking.bookingId(),
                booking.sessionId()), clock.instant());
    }
}
