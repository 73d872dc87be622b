package com.videolinks.notification;

/**
 * The emails customers get: a booking confirmation, a link change (S11, S19, S20), a link that was promised; and
 * the emails staff members get from their onboarding (#6): their own account is connected, a Zoom sign-in reminder.
 */
public enum NotificationKind {
    BOOKING_CONFIRMATION, LINK_CHANGED, LINK_READY, STAFF_ACCOUNT_CONNECTED, STAFF_ZOOM_SIGN_IN_REMINDER
}
