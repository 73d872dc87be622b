package com.videolinks.mybookings;

import com.videolinks.booking.CustomerLink;

/**
 * A session's link as a customer page shows it: url, password and description only when the channel shows the
 * link (S21, S22); otherwise a {@code note} saying why there is none here or where to find it: HIDDEN →
 * CONFIRMATION_EMAIL, MY_BOOKINGS, MEMBER_PAGES or BUSINESS; NONE → IN_PERSON, REMOVED or UNAVAILABLE. Public for
 * the SpEL compiler (see {@link CustomerPages}); only this package makes one.
 */
public record PageLink(String status, String url, String password, String description, String note) {

    static PageLink shown(CustomerLink link) {
        return new PageLink("SHOWN", link.url(), link.password(), link.description(), null);
    }

    static PageLink withoutLink(String status, String note) {
        return new PageLink(status, null, null, null, note);
    }

    @Override
    public String toString() {
        return "PageLink[" + status + ", " + note + "]";
    }
}
