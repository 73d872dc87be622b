package com.videolinks.staff;

/** A staff member of a site, with their own conferencing account if they connected one (S10, S12). */
public record Staff(long id, long siteId, String name, String email, Long accountId) {
}
