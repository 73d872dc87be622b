package com.videolinks.notification;

/** The emails customers get: a booking confirmation, a link change (S11, S19, S20), a link that was promised. */
public enum NotificationKind { BOOKING_CONFIRMATION, LINK_CHANGED, LINK_READY }
