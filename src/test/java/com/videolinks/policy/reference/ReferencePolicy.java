package com.videolinks.policy.reference;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.ConnectRefused;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.RefusalReason;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.WithholdReason;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/**
 * The shipped link policy ({@code rules/*.drl} read through {@code Decisions}) written again as plain Java, so
 * property tests can hold the Drools answer against an independent one and benchmarks have a baseline.
 */
public final class ReferencePolicy {

    private final String version;

    /** {@code version} is reported as the decisions' rule version, so they compare equal to the engine's. */
    public ReferencePolicy(String version) {
        this.version = version;
    }

    /** What this session shows on this channel, and which rules say so. */
    public LinkDecision decide(SessionFacts facts, Channel channel) {
        SessionFact session = facts.session();
        List<ShippedRule> withheld = withheld(facts);
        if (!withheld.isEmpty()) {
            return decision(session, channel, LinkStatus.NONE, null, null, null, withheld);
        }
        Selection selection = select(facts);
        List<ShippedRule> rules = new ArrayList<>(List.of(selection.rule()));
        Link link = selection.link();
        boolean perSession = selection.provider() == Provider.ZOOM;
        boolean meetingCreated = perSession && meetingCreated(facts.meeting(), session, selection.accountId());
        if (meetingCreated) {
            rules.add(ShippedRule.ZOOM_MEETING);
            link = facts.meeting().link();
        }
        LinkMode mode = perSession ? LinkMode.PER_SESSION : LinkMode.SHARED;
        ShippedRule hiddenBy = hiddenBy(facts.site(), channel);
        if (hiddenBy != null) {
            // hidden outranks pending, so a hidden Zoom session never reports its missing meeting
            rules.add(hiddenBy);
            return decision(session, channel, LinkStatus.HIDDEN, null, selection.source(), mode, rules);
        }
        if (perSession && !meetingCreated) {
            rules.add(ShippedRule.ZOOM_PENDING);
            return decision(session, channel, LinkStatus.PENDING, null, selection.source(), mode, rules);
        }
        if (link == null) {
            // a shared source without a URL yet: nothing to show, but nothing withholds it either
            return decision(session, channel, LinkStatus.PENDING, null, selection.source(), mode, rules);
        }
        return decision(session, channel, LinkStatus.SHOWN, link, selection.source(), mode, rules);
    }

    /** Whether a staff member's own account may be connected now, with every refusal that applies (S4, S13–S15). */
    public ConnectDecision mayConnectStaffAccount(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) {
        List<ConnectRefused> refusals = new ArrayList<>();
        if (!premium(site.plan())) {
            refusals.add(refusal(RefusalReason.PLAN_NOT_PREMIUM, ShippedRule.CONNECT_PLAN_NOT_PREMIUM));
        }
        if (defaultAccount == null || !defaultAccount.connected()) {
            refusals.add(refusal(RefusalReason.DEFAULT_ACCOUNT_NOT_CONNECTED, ShippedRule.CONNECT_NEEDS_DEFAULT_ACCOUNT));
        }
        if (request.bySelf() && !site.staffSelfService()) {
            // the business itself may always add a staff member's account (S12)
            refusals.add(refusal(RefusalReason.SELF_SERVICE_NOT_AVAILABLE, ShippedRule.SELF_SERVICE_NOT_ROLLED_OUT));
        }
        return new ConnectDecision(refusals.isEmpty(), refusals, version);
    }

    /** Everything that leaves the session without a link on every channel; all of them are reported. */
    private static List<ShippedRule> withheld(SessionFacts facts) {
        List<ShippedRule> reasons = new ArrayList<>();
        if (!premium(facts.site().plan())) {
            reasons.add(ShippedRule.PLAN_NOT_PREMIUM);
        }
        AccountFact siteDefault = facts.defaultAccount();
        if (siteDefault == null) {
            reasons.add(ShippedRule.NO_DEFAULT_ACCOUNT);
        } else if (!siteDefault.connected()) {
            // S9: staff members' own accounts do not save the session
            reasons.add(ShippedRule.DEFAULT_ACCOUNT_DISCONNECTED);
        }
        SessionFact session = facts.session();
        if (session.manualLink() == ManualLink.REMOVED) {
            reasons.add(ShippedRule.REMOVED_BY_STAFF);
        } else if (!session.online() && session.manualLink() == ManualLink.NONE) {
            reasons.add(ShippedRule.OFFLINE);
        }
        return reasons;
    }

    /**
     * Where the link comes from, most specific first: added by staff, course link, staff member's own account,
     * site default. Called only when nothing withholds the link, so the default account is connected and the
     * session is either online or has a link staff added.
     */
    private static Selection select(SessionFacts facts) {
        SessionFact session = facts.session();
        if (session.manualLink() == ManualLink.ADDED) {
            return new Selection(ShippedRule.ADDED_BY_STAFF, LinkSource.SESSION_LINK, null, Provider.CUSTOM_LINK,
                    session.manualLinkValue());
        }
        if (session.kind() == ServiceKind.COURSE) {
            // S18: a course ignores staff accounts; its own link, else the site default
            CourseLinkFact course = facts.courseLink();
            if (course != null && course.serviceId() == session.serviceId()) {
                return new Selection(ShippedRule.COURSE_LINK, LinkSource.COURSE_LINK, null, Provider.CUSTOM_LINK,
                        course.link());
            }
            return fromAccount(ShippedRule.COURSE_DEFAULT, LinkSource.SITE_DEFAULT, facts.defaultAccount());
        }
        AccountFact own = facts.staffAccount();
        if (own != null && own.connected() && session.staffId() != null && session.staffId().equals(own.staffId())) {
            return fromAccount(ShippedRule.STAFF_ACCOUNT, LinkSource.STAFF_ACCOUNT, own);
        }
        return fromAccount(ShippedRule.SITE_DEFAULT, LinkSource.SITE_DEFAULT, facts.defaultAccount());
    }

    private static Selection fromAccount(ShippedRule rule, LinkSource source, AccountFact account) {
        return new Selection(rule, source, account.accountId(), account.provider(), account.link());
    }

    private static boolean meetingCreated(ZoomMeetingFact meeting, SessionFact session, Long accountId) {
        return meeting != null && meeting.sessionId() == session.sessionId()
                && accountId != null && meeting.accountId() == accountId;
    }

    /** S21, S22: the business hides links per customer channel; its own calendar always shows them. */
    private static ShippedRule hiddenBy(SiteFact site, Channel channel) {
        return switch (channel) {
            case CONFIRMATION_EMAIL -> site.linkInConfirmationEmail() ? null : ShippedRule.HIDDEN_IN_EMAIL;
            case MY_BOOKINGS -> site.linkOnMyBookings() ? null : ShippedRule.HIDDEN_ON_MY_BOOKINGS;
            case MEMBER_PAGES -> site.linkOnMemberPages() ? null : ShippedRule.HIDDEN_ON_MEMBER_PAGES;
            case BUSINESS_CALENDAR -> null;
        };
    }

    /** S4: video conferencing needs Business or eCommerce. */
    private static boolean premium(Plan plan) {
        return plan == Plan.BUSINESS || plan == Plan.ECOMMERCE;
    }

    private LinkDecision decision(SessionFact session, Channel channel, LinkStatus status, Link link, LinkSource source,
                                  LinkMode mode, List<ShippedRule> rules) {
        List<WithholdReason> withheld = status == LinkStatus.NONE
                ? rules.stream().map(ReferencePolicy::code).toList() : List.of();
        return new LinkDecision(session.sessionId(), channel, status, link, source, mode, withheld,
                rules.stream().map(ShippedRule::reason).toList(), rules.stream().map(ShippedRule::title).toList(),
                version);
    }

    private static WithholdReason code(ShippedRule rule) {
        return switch (rule) {
            case PLAN_NOT_PREMIUM -> WithholdReason.PLAN_NOT_PREMIUM;
            case NO_DEFAULT_ACCOUNT -> WithholdReason.NO_DEFAULT_ACCOUNT;
            case DEFAULT_ACCOUNT_DISCONNECTED -> WithholdReason.DEFAULT_ACCOUNT_DISCONNECTED;
            case REMOVED_BY_STAFF -> WithholdReason.REMOVED_FROM_SESSION;
            case OFFLINE -> WithholdReason.SESSION_OFFLINE;
            default -> throw new IllegalArgumentException(rule + " withholds nothing");
        };
    }

    /**
     * Whether the session needs a Zoom meeting (S5, S10, S17): under the Zoom account that serves it, unless a rule
     * withholds its link; kept as it is while the site's links are switched off (plan, default account: S4, S9) and
     * the session is neither offline, nor has its link removed or replaced by hand; otherwise none. Cancelled
     * sessions need none.
     */
    public MeetingRequirement meeting(SessionFacts facts) {
        SessionFact session = facts.session();
        long id = session.sessionId();
        if (session.cancelled()) {
            return none(id);
        }
        List<ShippedRule> withheld = withheld(facts);
        if (!withheld.isEmpty()) {
            if (withheld.contains(ShippedRule.REMOVED_BY_STAFF) || withheld.contains(ShippedRule.OFFLINE)
                    || session.manualLink() == ManualLink.ADDED) {
                return none(id);
            }
            return new MeetingRequirement(id, MeetingRequirement.Need.UNDECIDED, null,
                    List.of(ShippedRule.MEETINGS_KEPT.reason()), List.of(ShippedRule.MEETINGS_KEPT.title()));
        }
        Selection selection = select(facts);
        if (selection.provider() == Provider.ZOOM && selection.accountId() != null) {
            return new MeetingRequirement(id, MeetingRequirement.Need.MEETING, selection.accountId(),
                    List.of(ShippedRule.MEETING_NEEDED.reason()), List.of(ShippedRule.MEETING_NEEDED.title()));
        }
        return none(id);
    }

    /** Every channel and the meeting, as {@code LinkPolicy.view} answers them in one evaluation. */
    public SessionView view(SessionFacts facts) {
        Map<Channel, LinkDecision> channels = new EnumMap<>(Channel.class);
        for (Channel channel : Channel.values()) {
            channels.put(channel, decide(facts, channel));
        }
        return new SessionView(facts.session().sessionId(), channels, meeting(facts), version);
    }

    private static MeetingRequirement none(long sessionId) {
        return new MeetingRequirement(sessionId, MeetingRequirement.Need.NO_MEETING, null, List.of(), List.of());
    }

    private static ConnectRefused refusal(RefusalReason code, ShippedRule rule) {
        return new ConnectRefused(code, rule.reason(), rule.title());
    }

    /** The chosen source of the session's link, before Zoom meetings and visibility are applied. */
    private record Selection(ShippedRule rule, LinkSource source, Long accountId, Provider provider, Link link) {
    }
}
