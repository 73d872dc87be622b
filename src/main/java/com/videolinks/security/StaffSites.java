package com.videolinks.security;

import java.util.Optional;

/** Which site a staff member works for, for {@link Access}; the staff feature answers it. */
public interface StaffSites {

    /** The staff member's site; empty when there is no such staff member. */
    Optional<Long> siteOfStaff(long staffId);
}
