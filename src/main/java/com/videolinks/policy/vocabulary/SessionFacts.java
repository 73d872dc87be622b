package com.videolinks.policy.vocabulary;

import java.util.ArrayList;
import java.util.List;

/**
 * Everything the policy knows about one session: the site, the session, the site's default account and the
 * session staff member's own account (either may be absent), the course link and the Zoom meeting, if any.
 */
public record SessionFacts(SiteFact site, SessionFact session, AccountFact defaultAccount, AccountFact staffAccount,
                           CourseLinkFact courseLink, ZoomMeetingFact meeting) {

    /** The facts to insert, nulls left out. */
    public List<Object> asFacts() {
        List<Object> facts = new ArrayList<>(7);
        facts.add(site);
        facts.add(session);
        if (defaultAccount != null) {
            facts.add(defaultAccount);
        }
        if (staffAccount != null) {
            facts.add(staffAccount);
        }
        if (courseLink != null) {
            facts.add(courseLink);
        }
        if (meeting != null) {
            facts.add(meeting);
        }
        return facts;
    }
}
