package com.videolinks.booking;

import java.util.List;
import java.util.Optional;

/** All bookings. */
public interface Bookings {

    Booking book(long sessionId, long customerId);

    Optional<Booking> find(long sessionId, long customerId);

    List<Booking> ofCustomer(long customerId);

    Optional<Booking> find(long bookingId);

    /** The booking of the site whom the host names {@code hostId}, if we know it. */
    Optional<Booking> findByHostId(long siteId, String hostId);

    /** Records the host's id of a booking. */
    void setHostId(long bookingId, String hostId);

    /** The place is given up; the row stays (history, bookkeeping). */
    void cancel(long bookingId);

    /** A cancelled booking holds its place again (the customer booked the same session anew). */
    void rebook(long bookingId);

    /** Bookings of one session that still hold their place. */
    List<Booking> bookedOnSession(long sessionId);

    /** {@link #bookedOnSession} for many sessions in one query. */
    List<Booking> bookedOnSessions(java.util.Collection<Long> sessionIds);

    /**
     * Sessions still to come (after {@code now}, not cancelled) that hold at least one booking, by ascending id after
     * {@code afterSessionId}: one page of at most {@code limit}.
     */
    List<Long> upcomingBookedSessions(java.time.Instant now, long afterSessionId, int limit);

    /** A customer's bookings, still holding their place, of any session of one service. */
    List<Booking> bookedByCustomerInService(long customerId, long serviceId);

    /**
     * Customers holding a booking of a session of this service (cancelled sessions excluded), by ascending id
     * after {@code afterCustomerId}: one page of at most {@code limit}, for courses with thousands of customers.
     */
    List<Long> customersBookedInService(long serviceId, long afterCustomerId, int limit);

    /** How many customers {@link #customersBookedInService} pages through: the course workflow's "total" (S19). */
    long countCustomersBookedInService(long serviceId);
}
