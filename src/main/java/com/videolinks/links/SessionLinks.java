package com.videolinks.links;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.catalog.ServiceSummary;
import com.videolinks.common.NotFoundException;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * Gathers what the policy needs to know about sessions from the database and asks it. The facts of any number of
 * sessions are loaded in a fixed number of queries (sessions, services without their staff, sites, staff, accounts,
 * meetings), and the answer is one {@link SessionView} per session: every channel and the Zoom meeting the rules
 * want, from one evaluation. Callers read the view; none of them decides anything the rules decide. One channel's
 * decision is remembered by its whole question for the live rule version ({@link RememberedDecisions}).
 */
@Service
public class SessionLinks {

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final StaffMembers staff;
    private final ConferencingAccounts accounts;
    private final ZoomMeetings meetings;
    private final LinkPolicy policy;
    private final RememberedDecisions decisions;
    private final RememberedViews remembered;

    SessionLinks(Sessions sessions, ServiceOfferings services, Sites sites, StaffMembers staff,
                 ConferencingAccounts accounts, ZoomMeetings meetings, LinkPolicy policy) {
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.staff = staff;
        this.accounts = accounts;
        this.meetings = meetings;
        this.policy = policy;
        this.decisions = new RememberedDecisions(policy);
        this.remembered = new RememberedViews(policy);
    }

    /** One channel of one session: the API's "what does session X show on channel Y, and why?". */
    public LinkDecision decide(Session session, Channel channel) {
        return decisions.decide(facts(List.of(session)).get(session.id()), channel);
    }

    /**
     * S9: what the session would show if the site's default account were disconnected now — the policy's answer,
     * asked with the default account's fact marked disconnected (the disconnect confirmation lists what changes).
     */
    public LinkDecision decideIfDefaultDisconnected(Session session, Channel channel) {
        SessionFacts facts = facts(List.of(session)).get(session.id());
        AccountFact current = facts.defaultAccount();
        AccountFact disconnected = current == null ? null : new AccountFact(current.accountId(), current.role(),
                current.staffId(), current.provider(), false, current.link());
        return policy.decide(new SessionFacts(facts.site(), facts.session(), disconnected, facts.staffAccount(),
                facts.courseLink(), facts.meeting()), channel);
    }

    /**
     * {@link #decide(Session, Channel)} for a caller that has just read the session's service and site (to check
     * access): they are not read again.
     */
    public LinkDecision decide(Session session, ServiceOffering service, Site site, Channel channel) {
        if (session.serviceId() != service.id() || service.siteId() != site.id()) {
            throw new IllegalArgumentException("session " + session.id() + " is not of service " + service.id()
                    + " of site " + site.id());
        }
        return decisions.decide(facts(List.of(session), Map.of(service.id(), service.summary()), Map.of(site.id(), site))
                .get(session.id()), channel);
    }

    public LinkDecision decide(long sessionId, Channel channel) {
        return decide(sessions.get(sessionId), channel);
    }

    /** Everything about the session: every channel and its Zoom meeting, from one evaluation. */
    public SessionView view(Session session) {
        return views(List.of(session)).get(session.id());
    }

    public SessionView view(long sessionId) {
        return view(sessions.get(sessionId));
    }

    /** {@link #view} for many sessions: facts loaded in bulk, the sessions of a site evaluated together. */
    public Map<Long, SessionView> views(Collection<Session> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        return remembered.views(facts(of).values());
    }

    /**
     * {@link #views(Collection)} for a caller that has just read (some of) the sessions' services and sites, by id (a
     * customer's list of bookings: the names, the customer's site): those are not read again, the others are.
     */
    public Map<Long, SessionView> views(Collection<Session> of, Map<Long, ServiceSummary> servicesRead,
                                        Map<Long, Site> sitesRead) {
        if (of.isEmpty()) {
            return Map.of();
        }
        return remembered.views(facts(of, servicesRead, sitesRead).values());
    }

    /**
     * S11, #13 item 4: each session's view were it given a Zoom meeting of its own — the rules' answer to what the
     * "Zoom meeting" form asks (which account would host it, or why none can), for many sessions at once. The form and
     * the pages that offer it ask this one question, so a page offers the button exactly when the form would accept.
     */
    public Map<Long, SessionView> viewsIfGivenZoomMeeting(Collection<Session> of) {
        return views(of.stream().map(session -> session.withManualLink(ManualLink.ZOOM_ADDED, null)).toList());
    }

    /** {@link #views} by session id; an id that does not exist is not found. */
    public Map<Long, SessionView> viewsOf(Collection<Long> sessionIds) {
        List<Session> found = sessions.findAll(sessionIds);
        if (found.size() != new HashSet<>(sessionIds).size()) {
            Set<Long> known = found.stream().map(Session::id).collect(Collectors.toSet());
            throw new NotFoundException("session", sessionIds.stream().filter(id -> !known.contains(id)).findFirst()
                    .orElseThrow());
        }
        return views(found);
    }

    /** The policy's facts about each session, keyed by session id, in a fixed number of queries. */
    Map<Long, SessionFacts> facts(Collection<Session> of) {
        return facts(of, Map.of(), Map.of());
    }

    /** {@link #facts(Collection)} with some of the sessions' services and sites already read: only the others are. */
    private Map<Long, SessionFacts> facts(Collection<Session> of, Map<Long, ServiceSummary> servicesRead,
                                          Map<Long, Site> sitesRead) {
        Map<Long, ServiceSummary> serviceById = new HashMap<>(servicesRead);
        Set<Long> missingServices = ids(of, Session::serviceId);
        missingServices.removeAll(serviceById.keySet());
        if (!missingServices.isEmpty()) {
            services.summaries(missingServices).forEach(service -> serviceById.put(service.id(), service));
        }
        Map<Long, Site> siteById = new HashMap<>(sitesRead);
        Set<Long> missingSites = new HashSet<>();
        for (Session session : of) {
            ServiceSummary service = serviceById.get(session.serviceId());
            if (service != null && !siteById.containsKey(service.siteId())) {
                missingSites.add(service.siteId());
            }
        }
        if (!missingSites.isEmpty()) {
            sites.findAll(missingSites).forEach(site -> siteById.put(site.id(), site));
        }
        Map<Long, Staff> staffById = byId(staff.findAll(ids(of, Session::staffId)), Staff::id);
        Set<Long> accountIds = new HashSet<>(ids(siteById.values(), Site::defaultAccountId));
        accountIds.addAll(ids(staffById.values(), Staff::accountId));
        Map<Long, AccountFact> accountById = accounts.findAll(accountIds).stream()
                .collect(Collectors.toMap(ConferencingAccount::id, ConferencingAccount::toFact));
        Map<Long, ZoomMeetingFact> meetingBySession = meetings.latestFor(ids(of, Session::id));
        Map<Long, SessionFacts> facts = new HashMap<>(of.size() * 2);
        for (Session session : of) {
            ServiceSummary service = required(serviceById, session.serviceId(), "service");
            Site site = required(siteById, service.siteId(), "site");
            Staff member = session.staffId() == null ? null : staffById.get(session.staffId());
            AccountFact defaultAccount = site.defaultAccountId() == null ? null : accountById.get(site.defaultAccountId());
            AccountFact staffAccount = member == null || member.accountId() == null ? null
                    : accountById.get(member.accountId());
            SessionFact sessionFact = new SessionFact(session.id(), service.id(), service.kind(), session.online(),
                    session.staffId(), session.manualLink(), session.manualLinkValue(), session.cancelled());
            facts.put(session.id(), new SessionFacts(site.toFact(), sessionFact, defaultAccount, staffAccount,
                    service.courseLinkFact(), meetingBySession.get(session.id())));
        }
        return facts;
    }

    private static <T> Set<Long> ids(Collection<T> items, Function<T, Long> id) {
        Set<Long> ids = new HashSet<>();
        for (T item : items) {
            Long value = id.apply(item);
            if (value != null) {
                ids.add(value);
            }
        }
        return ids;
    }

    private static <T> Map<Long, T> byId(List<T> items, Function<T, Long> id) {
        Map<Long, T> map = new HashMap<>(items.size() * 2);
        items.forEach(item -> map.put(id.apply(item), item));
        return map;
    }

    private static <T> T required(Map<Long, T> found, long id, String what) {
        T item = found.get(id);
        if (item == null) {
            throw new NotFoundException(what, id);
        }
        return item;
    }
}
