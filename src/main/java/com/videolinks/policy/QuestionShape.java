package com.videolinks.policy;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/**
 * A session's facts with their names ({@link com.videolinks.policy.vocabulary.Opaque}: ids and links) replaced by
 * placeholders in the order they first appear: equal names get one placeholder, different names different ones, null
 * stays null (docs/adr-017-decisions-by-shape.md). Two questions that differ only in their names have equal shapes.
 * For rules that compare names only for equality, the answer to the shape, with its names given back, is the answer to
 * the question.
 */
final class QuestionShape {

    /** Ids, links, course links and meetings: at most this many names in one session's facts. */
    private static final int MOST_NAMES = 16;
    private static final Link[] PLACEHOLDER_LINKS = new Link[MOST_NAMES];

    static {
        for (int i = 0; i < MOST_NAMES; i++) {
            PLACEHOLDER_LINKS[i] = new Link("placeholder-link-" + (i + 1), null, null);
        }
    }

    private final long[] ids = new long[MOST_NAMES];
    private int idCount;
    private final Link[] links = new Link[PLACEHOLDER_LINKS.length];
    private int linkCount;
    private final SessionFacts shaped;

    private QuestionShape(SessionFacts facts) {
        SiteFact site = facts.site();
        SessionFact session = facts.session();
        this.shaped = new SessionFacts(
                new SiteFact(id(site.siteId()), site.plan(), site.staffSelfService(), site.linkInConfirmationEmail(),
                        site.linkOnMyBookings(), site.linkOnMemberPages()),
                new SessionFact(id(session.sessionId()), id(session.serviceId()), session.kind(), session.online(),
                        id(session.staffId()), session.manualLink(), link(session.manualLinkValue()),
                        session.cancelled()),
                account(facts.defaultAccount()), account(facts.staffAccount()), courseLink(facts.courseLink()),
                meeting(facts.meeting()));
    }

    static QuestionShape of(SessionFacts facts) {
        return new QuestionShape(facts);
    }

    /** The facts with placeholders for names. */
    SessionFacts facts() {
        return shaped;
    }

    /**
     * The shape's decision with this question's names: its session and its link. Null when the decision holds a link
     * that is no placeholder of a shape (a rule made it up), which cannot be given back.
     */
    LinkDecision namedBack(LinkDecision decision, long sessionId) {
        Link link = decision.link();
        if (link != null) {
            link = realLink(link);
            if (link == null) {
                return null;
            }
        }
        return new LinkDecision(sessionId, decision.channel(), decision.status(), link, decision.source(),
                decision.mode(), decision.withheld(), decision.reasons(), decision.rules(), decision.ruleVersion());
    }

    private Link realLink(Link placeholder) {
        for (int i = 0; i < linkCount; i++) {
            if (PLACEHOLDER_LINKS[i] == placeholder) {
                return links[i];
            }
        }
        return null;
    }

    private AccountFact account(AccountFact account) {
        return account == null ? null : new AccountFact(id(account.accountId()), account.role(), id(account.staffId()),
                account.provider(), account.connected(), link(account.link()));
    }

    private CourseLinkFact courseLink(CourseLinkFact course) {
        return course == null ? null : new CourseLinkFact(id(course.serviceId()), link(course.link()));
    }

    private ZoomMeetingFact meeting(ZoomMeetingFact meeting) {
        return meeting == null ? null
                : new ZoomMeetingFact(id(meeting.sessionId()), id(meeting.accountId()), link(meeting.link()));
    }

    private long id(long name) {
        for (int i = 0; i < idCount; i++) {
            if (ids[i] == name) {
                return i + 1;
            }
        }
        ids[idCount++] = name;
        return idCount;
    }

    private Long id(Long name) {
        return name == null ? null : id(name.longValue());
    }

    private Link link(Link name) {
        if (name == null) {
            return null;
        }
        for (int i = 0; i < linkCount; i++) {
            if (links[i].equals(name)) {
                return PLACEHOLDER_LINKS[i];
            }
        }
        links[linkCount] = name;
        return PLACEHOLDER_LINKS[linkCount++];
    }
}
