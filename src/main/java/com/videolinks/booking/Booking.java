package com.videolinks.booking;

import java.time.Instant;

/** A customer's place in one session. */
public record Booking(long id, long sessionId, long customerId, BookingStatus status, Instant bookedAt) {

    public enum BookingStatus { BOOKED, CANCELLED }
}
