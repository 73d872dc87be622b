package com.videolinks.links;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkMode;
import com.videolinks.policy.vocabulary.LinkSource;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.StaffMembers;

/** Gathers what the policy needs to know about a session from the database and asks it. */
@Service
public class SessionLinks {

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final StaffMembers staff;
    private final ConferencingAccounts accounts;
    private final ZoomMeetings meetings;
    private final LinkPolicy policy;

    SessionLinks(Sessions sessions, ServiceOfferings services, Sites sites, StaffMembers staff,
                 ConferencingAccounts accounts, ZoomMeetings meetings, LinkPolicy policy) {
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.staff = staff;
        this.accounts = accounts;
        this.meetings = meetings;
        this.policy = policy;
    }

    public LinkDecision decide(long sessionId, Channel channel) {
        return policy.decide(facts(sessions.get(sessionId)), channel);
    }

    public LinkDecision decide(Session session, Channel channel) {
        return policy.decide(facts(session), channel);
    }

    /**
     * S9: what the session would show if the site's default account were disconnected now — the policy's answer,
     * asked with the default account's fact marked disconnected (the disconnect confirmation lists what changes).
     */
    public LinkDecision decideIfDefaultDisconnected(Session session, Channel channel) {
        SessionFacts facts = facts(session);
        AccountFact current = facts.defaultAccount();
        AccountFact disconnected = current == null ? null : new AccountFact(current.accountId(), current.role(),
                current.staffId(), current.provider(), false, current.link());
        return policy.decide(new SessionFacts(facts.site(), facts.session(), disconnected, facts.staffAccount(),
                facts.courseLink(), facts.meeting()), channel);
    }

    /**
     * Whether the session needs its own Zoom meeting and under which account. The account is the one the policy
     * selects for the business calendar (where links are never hidden), so meetings follow the live rules.
     */
    public MeetingRequirement meetingRequirement(Session session) {
        if (session.cancelled()) {
            return MeetingRequirement.noMeeting("the session is cancelled");
        }
        if (session.manualLink() == ManualLink.REMOVED) {
            return MeetingRequirement.noMeeting("staff removed the session's link (S11)");
        }
        if (session.manualLink() == ManualLink.ADDED) {
            return MeetingRequirement.noMeeting("staff added a link of their own to the session (S11, S20)");
        }
        if (!session.online()) {
            return MeetingRequirement.noMeeting("the session is offline (S11)");
        }
        SessionFacts facts = facts(session);
        LinkDecision decision = policy.decide(facts, Channel.BUSINESS_CALENDAR);
        if (decision.status() == LinkStatus.NONE) {
            return MeetingRequirement.undecided(String.join(" ", decision.reasons()));
        }
        if (decision.mode() == LinkMode.PER_SESSION) {
            AccountFact host = decision.source() == LinkSource.STAFF_ACCOUNT ? facts.staffAccount()
                    : decision.source() == LinkSource.SITE_DEFAULT ? facts.defaultAccount() : null;
            if (host != null) {
                return MeetingRequirement.meeting(host.accountId(), decision.reasons().get(0));
            }
        }
        return MeetingRequirement.noMeeting("the session's link is a shared link, not a Zoom meeting (S5)");
    }

    SessionFacts facts(Session session) {
        ServiceOffering service = services.get(session.serviceId());
        Site site = sites.get(service.siteId());
        AccountFact defaultAccount = site.defaultAccountId() == null ? null
                : accounts.find(site.defaultAccountId()).map(ConferencingAccount::toFact).orElse(null);
        AccountFact staffAccount = session.staffId() == null ? null
                : staff.find(session.staffId())
                        .flatMap(member -> Optional.ofNullable(member.accountId()))
                        .flatMap(accounts::find)
                        .map(ConferencingAccount::toFact)
                        .orElse(null);
        SessionFact sessionFact = new SessionFact(session.id(), service.id(), service.kind(), session.online(),
                session.staffId(), session.manualLink(), session.manualLinkValue());
        return new SessionFacts(site.toFact(), sessionFact, defaultAccount, staffAccount, service.courseLinkFact(),
                meetings.latestFor(session.id()).orElse(null));
    }
}
