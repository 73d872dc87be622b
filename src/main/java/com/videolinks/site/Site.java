package com.videolinks.site;

import java.time.ZoneId;

import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.SiteFact;

/**
 * A business site: its plan (S4), time zone, staff self-service rollout (S14), visibility (S21, S22), default account
 * (S2, S7) and the business's own address, where its customers' replies to emails go (#13; null: none known).
 */
public record Site(long id, String name, String ownerUsername, Plan plan, ZoneId timeZone, boolean staffSelfService,
                   Visibility visibility, Long defaultAccountId, String contactEmail) {

    public SiteFact toFact() {
        return new SiteFact(id, plan, staffSelfService, visibility.confirmationEmail(), visibility.myBookings(),
                visibility.memberPages());
    }
}
