package com.videolinks.booking;

import java.util.List;
import java.util.Optional;

/** All bookings. */
public interface Bookings {

    Booking book(long sessionId, long customerId);

    Optional<Booking> find(long sessionId, long customerId);

    List<Booking> ofCustomer(long customerId);
}
