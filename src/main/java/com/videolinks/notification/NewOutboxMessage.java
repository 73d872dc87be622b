package com.videolinks.notification;

/**
 * An email to write to the outbox. The idempotency key names the change it announces (booking, link version,
 * kind), so writing it twice — a retried chunk, a replayed event — leaves one row and sends one email.
 */
record NewOutboxMessage(String idempotencyKey, NotificationKind kind, long siteId, Long customerId, Long bookingId,
                        Long sessionId, Long serviceId, Integer linkVersion, String oldLinkUrl, Long staffId,
                        String beforeState) {

    NewOutboxMessage(String idempotencyKey, NotificationKind kind, long siteId, Long customerId, Long bookingId,
                     Long sessionId, Long serviceId, Integer linkVersion, String oldLinkUrl, Long staffId) {
        this(idempotencyKey, kind, siteId, customerId, bookingId, sessionId, serviceId, linkVersion, oldLinkUrl, staffId,
                null);
    }

    /** A customer email: the row names the customer and no staff member. */
    NewOutboxMessage(String idempotencyKey, NotificationKind kind, long siteId, long customerId, Long bookingId,
                     Long sessionId, Long serviceId, Integer linkVersion, String oldLinkUrl) {
        this(idempotencyKey, kind, siteId, (Long) customerId, bookingId, sessionId, serviceId, linkVersion, oldLinkUrl,
                null);
    }

    /** #6: a staff member's own account was connected by their onboarding; one email per staff member and account. */
    static NewOutboxMessage staffAccountConnected(long siteId, long staffId, long accountId) {
        return new NewOutboxMessage("staff-account-connected:" + staffId + ":" + accountId,
                NotificationKind.STAFF_ACCOUNT_CONNECTED, siteId, null, null, null, null, null, null, staffId);
    }

    /** #6: the onboarding's Zoom sign-in reminder; one email per staff member and onboarding (process instance). */
    static NewOutboxMessage staffZoomSignInReminder(long siteId, long staffId, String onboardingId) {
        return new NewOutboxMessage("staff-zoom-reminder:" + staffId + ":" + onboardingId,
                NotificationKind.STAFF_ZOOM_SIGN_IN_REMINDER, siteId, null, null, null, null, null, null, staffId);
    }

    static NewOutboxMessage confirmation(long siteId, long customerId, long bookingId, long sessionId) {
        return new NewOutboxMessage("booking-confirmation:booking-" + bookingId, NotificationKind.BOOKING_CONFIRMATION,
                siteId, customerId, bookingId, sessionId, null, null, null);
    }

    /**
     * #13: an effective change of a booked session's link, whatever caused it: one email per booking and state
     * version of the session ({@code session_link_state}); {@code beforeState} is what the customer knew before.
     */
    static NewOutboxMessage sessionLinkNotice(long siteId, long customerId, long bookingId, long sessionId,
                                              int stateVersion, String oldLinkUrl, String beforeState) {
        return new NewOutboxMessage("link-notice:session-" + sessionId + ":state-" + stateVersion + ":booking-" + bookingId,
                NotificationKind.LINK_CHANGED, siteId, customerId, bookingId, sessionId, null, stateVersion, oldLinkUrl,
                null, beforeState);
    }

    static NewOutboxMessage courseLinkChanged(long siteId, long customerId, long courseId, int linkVersion,
                                              String oldLinkUrl) {
        return new NewOutboxMessage("link-changed:course-" + courseId + ":v" + linkVersion + ":customer-" + customerId,
                NotificationKind.LINK_CHANGED, siteId, customerId, null, null, courseId, linkVersion, oldLinkUrl);
    }

    static NewOutboxMessage linkReady(long siteId, long customerId, long bookingId, long sessionId, long promiseId) {
        return new NewOutboxMessage("link-ready:booking-" + bookingId + ":promise-" + promiseId,
                NotificationKind.LINK_READY, siteId, customerId, bookingId, sessionId, null, null, null);
    }
}
