package com.videolinks.policy.vocabulary;

/** The site: its plan, whether staff self-service is rolled out (S14) and its visibility settings (S21, S22). */
public record SiteFact(@Opaque long siteId, Plan plan, boolean staffSelfService,
                       boolean linkInConfirmationEmail, boolean linkOnMyBookings, boolean linkOnMemberPages) {
}
