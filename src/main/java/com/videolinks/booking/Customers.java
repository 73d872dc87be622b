package com.videolinks.booking;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

import com.videolinks.common.NotFoundException;

/** All customers. */
public interface Customers {

    Customer create(long siteId, String name, String email, Locale locale, ZoneId timeZone);

    Optional<Customer> find(long id);

    default Customer get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("customer", id));
    }

    /** The customer of the site whom the host names {@code hostId}, if we know them. */
    Optional<Customer> findByHostId(long siteId, String hostId);

    /** Records the host's id of a customer; unique within the site. */
    void setHostId(long customerId, String hostId);

    void update(long customerId, String name, String email, Locale locale, ZoneId timeZone);

    /** Replaces name and email with placeholders; bookings stay (bookkeeping). */
    void erasePersonalData(long customerId, java.time.Instant at);

    java.util.List<Long> idsOfSite(long siteId);
}
