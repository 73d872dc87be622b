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
