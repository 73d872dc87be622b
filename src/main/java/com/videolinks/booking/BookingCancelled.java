package com.videolinks.booking;

/** A customer gave up their place; published inside the cancellation's transaction. */
public record BookingCancelled(long bookingId, long sessionId, long customerId) {
}
