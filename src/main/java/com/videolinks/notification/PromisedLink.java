package com.videolinks.notification;

import java.time.Instant;

/** A customer was told by email that the link of their booked session will follow (it was PENDING). */
record PromisedLink(long id, long bookingId, long sessionId, Instant promisedAt) {
}
