package com.videolinks.site;

/** Where the business lets customers see video links (S21, S22). */
public record Visibility(boolean confirmationEmail, boolean myBookings, boolean memberPages) {

    public static Visibility everywhere() {
        return new Visibility(true, true, true);
    }
}
