package com.videolinks.dashboard;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.CustomerTime;
import com.videolinks.common.Languages;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * The sessions a dashboard page lists, each with the link the policy gives it on the business calendar (status,
 * link, source, mode, reasons, rules, rule version — as {@code GET /api/sessions/{id}/link} answers) and what each
 * customer channel shows (S21, S22). Nothing here decides a link: every answer is the policy's.
 */
@Component
class SessionOverview {

    /**
     * Whether the page offers "a Zoom meeting of its own": OFFERED where the rules would give one (some Zoom account
     * can host it), NO_ZOOM_ACCOUNT where none can (the page says to connect Zoom), NOT_ASKED for a session that cannot
     * ask (cancelled, offline, or it has one already).
     */
    enum ZoomMeetingOffer { OFFERED, NO_ZOOM_ACCOUNT, NOT_ASKED }

    /** One session as the dashboard lists it. */
    record Row(Session session, ServiceOffering service, String staffName, String when, LinkDecision decision,
               Map<Channel, LinkStatus> customers, ZoomMeetingOffer zoomMeeting) {

        public long id() {
            return session.id();
        }
    }

    private static final List<Channel> CUSTOMER_CHANNELS =
            List.of(Channel.CONFIRMATION_EMAIL, Channel.MY_BOOKINGS, Channel.MEMBER_PAGES);

    private final ServiceOfferings services;
    private final Sessions sessions;
    private final StaffMembers staff;
    private final SessionLinks links;

    SessionOverview(ServiceOfferings services, Sessions sessions, StaffMembers staff, SessionLinks links) {
        this.services = services;
        this.sessions = sessions;
        this.staff = staff;
        this.links = links;
    }

    /** The site's sessions that are not over yet (cancelled ones too, marked), soonest first. */
    List<Row> upcomingOfSite(Site site, Instant now) {
        List<Session> upcoming = new ArrayList<>();
        Map<Long, ServiceOffering> serviceOf = new java.util.HashMap<>();
        for (ServiceOffering service : services.ofSite(site.id())) {
            for (Session session : sessions.ofService(service.id())) {
                if (session.endsAt().isAfter(now)) {
                    upcoming.add(session);
                    serviceOf.put(session.id(), service);
                }
            }
        }
        // the question the Zoom meeting form asks, for every session that could ask it, in one go
        Map<Long, SessionView> ifGivenZoom = links.viewsIfGivenZoomMeeting(upcoming.stream()
                .filter(session -> !session.cancelled() && session.online() && session.manualLink() != ManualLink.ZOOM_ADDED)
                .toList());
        List<Row> rows = new ArrayList<>();
        for (Session session : upcoming) {
            SessionView asked = ifGivenZoom.get(session.id());
            ZoomMeetingOffer offer = asked == null ? ZoomMeetingOffer.NOT_ASKED
                    : asked.meeting().need() == MeetingRequirement.Need.MEETING ? ZoomMeetingOffer.OFFERED
                    : ZoomMeetingOffer.NO_ZOOM_ACCOUNT;
            rows.add(row(site, serviceOf.get(session.id()), session, offer));
        }
        rows.sort(Comparator.comparing((Row row) -> row.session().startsAt()).thenComparing(Row::id));
        return rows;
    }

    /** As {@link #upcomingOfSite}, only the staff member's own sessions (S13). */
    List<Row> upcomingOfStaff(Site site, long staffId, Instant now) {
        return upcomingOfSite(site, now).stream()
                .filter(row -> row.session().staffId() != null && row.session().staffId() == staffId).toList();
    }

    /** S9: the upcoming sessions that show a link now and would not once the default account is disconnected. */
    List<Row> losingLinkIfDefaultDisconnected(Site site, Instant now) {
        return upcomingOfSite(site, now).stream()
                .filter(row -> !row.session().cancelled() && row.decision().shown())
                .filter(row -> !links.decideIfDefaultDisconnected(row.session(), Channel.BUSINESS_CALENDAR).shown())
                .toList();
    }

    Row row(Site site, ServiceOffering service, Session session, ZoomMeetingOffer zoomMeeting) {
        Map<Channel, LinkStatus> customers = new EnumMap<>(Channel.class);
        for (Channel channel : CUSTOMER_CHANNELS) {
            customers.put(channel, links.decide(session, channel).status());
        }
        String staffName = session.staffId() == null ? null : staff.find(session.staffId()).map(Staff::name).orElse(null);
        String when = CustomerTime.span(session.startsAt(), session.endsAt(), site.timeZone(),
                Languages.forCustomer(LocaleContextHolder.getLocale()));
        return new Row(session, service, staffName, when, links.decide(session, Channel.BUSINESS_CALENDAR), customers,
                zoomMeeting);
    }
}
