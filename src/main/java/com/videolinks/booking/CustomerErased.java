package com.videolinks.booking;

/** A customer's personal data was erased; published inside the erasure's transaction. */
public record CustomerErased(long customerId, long siteId) {
}
