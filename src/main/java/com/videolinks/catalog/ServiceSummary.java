package com.videolinks.catalog;

import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ServiceKind;

/**
 * A service without its staff: what a link decision (its kind, site and course link) and a list of bookings (its
 * name) need, read in one query where {@link ServiceOffering} takes two (#13).
 */
public record ServiceSummary(long id, long siteId, String name, ServiceKind kind, Link courseLink) {

    public CourseLinkFact courseLinkFact() {
        return courseLink == null ? null : new CourseLinkFact(id, courseLink);
    }
}
