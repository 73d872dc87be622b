package com.videolinks.notification;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.booking.CustomerErased;

/** An erased customer gets no further email: what waited in the outbox for them is skipped, saying why. */
@Component
class ErasedCustomers {

    private final Outbox outbox;

    ErasedCustomers(Outbox outbox) {
        this.outbox = outbox;
    }

    @EventListener
    void on(CustomerErased erased) {
        outbox.skipUnsentOfCustomer(erased.customerId(), "the customer's personal data was erased");
    }
}
