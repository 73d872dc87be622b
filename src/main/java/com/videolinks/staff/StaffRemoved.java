package com.videolinks.staff;

/** A staff member left the site; published inside the removal's transaction. */
public record StaffRemoved(long staffId, long siteId) {
}
