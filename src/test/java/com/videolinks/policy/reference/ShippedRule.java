package com.videolinks.policy.reference;

/**
 * Every rule in {@code rules/*.drl}, with the name and reason text it reports. Copied by hand from the DRL files:
 * the differential properties fail if either side changes a word without the other.
 */
enum ShippedRule {

    // disconnect.drl
    DEFAULT_ACCOUNT_DISCONNECTED(
            "No session shows a link while the site's default account is disconnected, not even a staff member's",
            "The site's default video-conference account is disconnected, so no session shows a link (S9)."),
    NO_DEFAULT_ACCOUNT(
            "No session shows a link before the site connects a default account",
            "The site has not connected a default video-conference account yet (S2)."),
    CONNECT_NEEDS_DEFAULT_ACCOUNT(
            "Staff can connect their own account only after the site's default account is connected",
            "Connect the site's default video-conference account first (S15)."),

    // link-selection.drl
    REMOVED_BY_STAFF(
            "A session whose link staff removed has no link",
            "Staff removed the video link from this session (S11)."),
    OFFLINE(
            "An offline session has no link unless staff added one",
            "The session is not online; staff can add a link to make it online (S11, S20)."),
    ADDED_BY_STAFF(
            "A link staff added to the session wins over every account",
            "Staff added this link to the session (S11, S20)."),
    COURSE_LINK(
            "A course with its own link uses it for every session",
            "The course has its own link, shared by all its sessions (S18)."),
    COURSE_DEFAULT(
            "A course without its own link uses the site's default account",
            "Courses use the site's default account unless a course link is added (S18)."),
    STAFF_ACCOUNT(
            "A staff member's own account replaces the site default for the services they are assigned to",
            "The session's staff member has their own connected account (S10, S17)."),
    SITE_DEFAULT(
            "A session whose staff member has no connected account of their own uses the site's default account",
            "No more specific link applies, so the site's default account serves the session (S2, S10)."),
    ZOOM_MEETING(
            "A Zoom account gives each session its own meeting",
            "Zoom creates a unique meeting for every session (S5)."),
    ZOOM_PENDING(
            "A Zoom session's link is pending until its meeting is created",
            "The Zoom meeting for this session has not been created yet (S5)."),

    // meetings.drl
    MEETING_NEEDED(
            "A session served by a Zoom account needs its own meeting under that account",
            "Zoom creates a unique meeting for every session, under the account that serves it (S5)."),
    MEETINGS_KEPT(
            "A session whose links are switched off for the site keeps its Zoom meetings until they are back",
            "Links are switched off for the whole site for now (S4, S9); the session's Zoom meeting is kept for when they are back."),

    // plan.drl
    PLAN_NOT_PREMIUM(
            "Sites without a Business or eCommerce plan show no video links",
            "Video links need a Business or eCommerce plan (S4)."),
    CONNECT_PLAN_NOT_PREMIUM(
            "Staff accounts can be connected only on a Business or eCommerce plan",
            "Video conferencing needs a Business or eCommerce plan (S4)."),

    // staff-self-service.drl
    SELF_SERVICE_NOT_ROLLED_OUT(
            "Staff can manage their own account only where staff self-service is rolled out",
            "Staff self-service for video conferencing is not available on this site yet; the business can add the account (S13, S14)."),

    // visibility.drl
    HIDDEN_IN_EMAIL(
            "The confirmation email leaves the link out when the business hides it there",
            "The business hides video links from booking confirmation emails (S21)."),
    HIDDEN_ON_MY_BOOKINGS(
            "The My Bookings page leaves the link out when the business hides it there",
            "The business hides video links from the My Bookings page (S21)."),
    HIDDEN_ON_MEMBER_PAGES(
            "Member pages leave the link out when the business hides it there",
            "The business hides video links from the site's member pages (S22).");

    private final String title;
    private final String reason;

    ShippedRule(String title, String reason) {
        this.title = title;
        this.reason = reason;
    }

    /** The rule's name in the DRL, as it appears in {@code LinkDecision.rules()}. */
    String title() {
        return title;
    }

    String reason() {
        return reason;
    }
}
