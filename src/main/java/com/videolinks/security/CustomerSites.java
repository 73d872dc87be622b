package com.videolinks.security;

import java.util.Optional;

/** Which site a customer books with, for {@link Access}; the booking feature (its customers) answers it. */
public interface CustomerSites {

    /** The customer's site; empty when there is no such customer. */
    Optional<Long> siteOfCustomer(long customerId);
}
