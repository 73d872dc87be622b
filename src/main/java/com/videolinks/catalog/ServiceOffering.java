package com.videolinks.catalog;

import java.util.List;

import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ServiceKind;

/**
 * A bookable service of a site (one-on-one, class or course; online or not), the staff assigned to it (S10)
 * and, for a course, the custom link added in the calendar (S18) with a version that grows on every edit (S19).
 */
public record ServiceOffering(long id, long siteId, String name, ServiceKind kind, boolean online, Link courseLink,
                              int courseLinkVersion, List<Long> staffIds) {

    public ServiceOffering {
        staffIds = List.copyOf(staffIds);
    }

    /** The same service with its course link's password left out, for a viewer who may not read it (#11). */
    public ServiceOffering withoutLinkPassword() {
        return courseLink == null || courseLink.password() == null ? this
                : new ServiceOffering(id, siteId, name, kind, online,
                        new Link(courseLink.url(), null, courseLink.description()), courseLinkVersion, staffIds);
    }

    public CourseLinkFact courseLinkFact() {
        return summary().courseLinkFact();
    }

    /** This service without its staff. */
    public ServiceSummary summary() {
        return new ServiceSummary(id, siteId, name, kind, courseLink);
    }
}
