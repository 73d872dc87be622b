package com.videolinks.policy.vocabulary;

/** Where a link is shown. The business controls the three customer channels (S21, S22). */
public enum Channel {
    CONFIRMATION_EMAIL, MY_BOOKINGS, MEMBER_PAGES, BUSINESS_CALENDAR;

    public boolean customerFacing() {
        return this != BUSINESS_CALENDAR;
    }
}
