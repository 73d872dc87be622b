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
}
