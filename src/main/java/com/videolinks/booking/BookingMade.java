package com.videolinks.booking;

/** A customer booked a session; published inside the booking's transaction so listeners commit with it. */
public record BookingMade(long bookingId, long sessionId, long customerId) {
}
