package com.videolinks.booking;

import java.time.Instant;

/** One of a customer's bookings as the My Bookings page shows it. */
public record BookingView(long bookingId, long sessionId, String serviceName, Instant startsAt, Instant endsAt,
                          Booking.BookingStatus status, CustomerLink videoLink) {
}
