package com.videolinks.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.booking.BookingCancelled;
import com.videolinks.booking.CustomerErased;

/**
 * Emails that must not go out any more: to an erased customer, or about a cancelled booking. What waited in the outbox
 * is skipped, saying why.
 */
@Component
class UnsentEmailWithdrawals {

    private final Outbox outbox;

    UnsentEmailWithdrawals(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A cancelled booking is not confirmed any more: its confirmation, if not sent yet, is skipped. */
    @EventListener
    void on(BookingCancelled cancelled) {
        outbox.skipUnsentOfBooking(cancelled.bookingId(), "the booking was cancelled before the email was sent");
    }

    @EventListener
    void on(CustomerErased erased) {
        outbox.skipUnsentOfCustomer(erased.customerId(), "the customer's personal data was erased");
    }
}
