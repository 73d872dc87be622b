package com.videolinks.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.booking.Bookings;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.conferencing.ZoomMeeting;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.conferencing.zoom.ZoomTokenImport;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.session.Session;
import com.videolinks.session.SessionCapacity;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * The demo data of the README walk-through, loaded once into an empty database. Ids are deterministic on a
 * fresh database (sites 1–2, staff 1–3, services 1–5, sessions 1–8, customers 1–3).
 */
@Component
@ConditionalOnProperty(name = "videolinks.demo-data.enabled", havingValue = "true")
// before any other start-up runner: readiness (#9) and later runners may count on the demo users being there
@Order(0)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");

    private final AppUsers users;
    private final Sites sites;
    private final StaffMembers staff;
    private final ConferencingAccounts accounts;
    private final ZoomMeetings meetings;
    private final ZoomTokenImport zoomTokens;
    private final ServiceOfferings services;
    private final Sessions sessions;
    private final Customers customers;
    private final Bookings bookings;
    private final Clock clock;
    private final String password;

    DemoData(AppUsers users, Sites sites, StaffMembers staff, ConferencingAccounts accounts, ZoomMeetings meetings,
             ZoomTokenImport zoomTokens, ServiceOfferings services, Sessions sessions, Customers customers, Bookings bookings, Clock clock,
             @Value("${videolinks.demo-data.password}") String password) {
        this.users = users;
        this.sites = sites;
        this.staff = staff;
        this.accounts = accounts;
        this.meetings = meetings;
        this.zoomTokens = zoomTokens;
        this.services = services;
        this.sessions = sessions;
        this.customers = customers;
        this.bookings = bookings;
        this.clock = clock;
        this.password = password;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!sites.all().isEmpty()) {
            return;
        }
        users.create("ops", password, Role.OPERATOR, null, null);
        users.create("mina", password, Role.OWNER, null, null);
        users.create("jun", password, Role.OWNER, null, null);

        // Site 1: Business plan, custom default link, one staff member with her own Zoom account.
        Site yoga = sites.create("Mina Yoga Seoul", "mina", Plan.BUSINESS, SEOUL, true, Visibility.everywhere());
        ConferencingAccount meet = accounts.connect(yoga.id(), null, Provider.CUSTOM_LINK, null,
                new Link("https://meet.example.com/mina-yoga", "namaste", "Google Meet room of the studio"));
        sites.setDefaultAccount(yoga.id(), meet.id());
        Staff hana = staff.create(yoga.id(), "Hana Kim", "hana@example.com");
        Staff tae = staff.create(yoga.id(), "Tae Park", "tae@example.com");
        ConferencingAccount hanaZoom = accounts.connect(yoga.id(), hana.id(), Provider.ZOOM, "hana@example.com", null);
        staff.setAccount(hana.id(), hanaZoom.id());
        // not a real Zoom grant: demo Zoom accounts cannot reach Zoom (jobs for them end in an incident)
        zoomTokens.store(hanaZoom.id(), "demo-access-token", "demo-refresh-token", clock.instant());

        ServiceOffering morningFlow = service(yoga, "Morning Flow", ServiceKind.CLASS, true, hana, tae);
        ServiceOffering coaching = service(yoga, "Private Coaching", ServiceKind.ONE_ON_ONE, true, hana);
        ServiceOffering course = service(yoga, "Beginner Course (4 weeks)", ServiceKind.COURSE, true, tae);
        ServiceOffering studio = service(yoga, "Studio Class", ServiceKind.CLASS, false, tae);

        Session flow = session(morningFlow, tae, 1, 7, true);                   // 1: site default custom link
        Session coachingWithMeeting = session(coaching, hana, 2, 10, true);     // 2: Hana's Zoom, meeting created
        Session coachingPending = session(coaching, hana, 3, 10, true);         // 3: Hana's Zoom, meeting pending
        Session coursePast = session(course, tae, -7, 19, true);                // 4: course link (past session)
        Session courseNext = session(course, tae, 7, 19, true);                 // 5: course link (future session)
        Session studioOffline = session(studio, tae, 4, 18, false);             // 6: offline, no link
        Session studioHybrid = session(studio, tae, 5, 18, false);              // 7: offline + link added (S20)
        meetings.recordCreated(new ZoomMeeting(coachingWithMeeting.id(), hanaZoom.id(), "85012345678",
                "https://zoom.us/j/85012345678?pwd=demo", "412903", coachingWithMeeting.startsAt(), 60,
                coaching.name(), false));
        services.changeCourseLink(course.id(),
                new Link("https://meet.example.com/beginner-course", null, "Course room for all 4 weeks"));
        sessions.changeManualLink(studioHybrid.id(), ManualLink.ADDED,
                new Link("https://meet.example.com/studio-live", null, "Live stream of the studio class"));

        // Site 2: Basic plan (no video links, S4), links hidden on My Bookings.
        Site pilates = sites.create("Jun Pilates Busan", "jun", Plan.BASIC, ZoneId.of("Asia/Seoul"), false,
                new Visibility(true, false, true));
        ConferencingAccount junZoom = accounts.connect(pilates.id(), null, Provider.ZOOM, "jun@example.com", null);
        sites.setDefaultAccount(pilates.id(), junZoom.id());
        zoomTokens.store(junZoom.id(), "demo-access-token", "demo-refresh-token", clock.instant());
        Staff jun = staff.create(pilates.id(), "Jun Lee", "jun@example.com");
        Session reformer = session(service(pilates, "Reformer Basics", ServiceKind.CLASS, true, jun), jun, 2, 9, true);

        users.create("hana", password, Role.STAFF, hana.id(), null);
        users.create("tae", password, Role.STAFF, tae.id(), null);
        long soyeon = customers.create(yoga.id(), "Soyeon Choi", "soyeon@example.com", Locale.KOREAN, SEOUL).id();
        long alex = customers.create(yoga.id(), "Alex Morgan", "alex@example.com", Locale.ENGLISH,
                ZoneId.of("Europe/London")).id();
        long minho = customers.create(pilates.id(), "Minho Jang", "minho@example.com", Locale.KOREAN, SEOUL).id();
        users.create("soyeon", password, Role.CUSTOMER, null, soyeon);
        users.create("alex", password, Role.CUSTOMER, null, alex);
        users.create("minho", password, Role.CUSTOMER, null, minho);
        for (Session booked : List.of(flow, coachingWithMeeting, coursePast, courseNext, studioOffline, studioHybrid)) {
            bookings.book(booked.id(), soyeon);
        }
        bookings.book(coachingPending.id(), alex);
        bookings.book(reformer.id(), minho);
        log.info("Demo data loaded: 2 sites, 3 staff, 8 sessions; sign in as mina, jun, hana, tae, soyeon, alex, minho or ops");
    }

    private ServiceOffering service(Site site, String name, ServiceKind kind, boolean online, Staff... assigned) {
        ServiceOffering service = services.create(site.id(), name, kind, online);
        services.assignStaff(service.id(), java.util.Arrays.stream(assigned).map(Staff::id).toList());
        return services.get(service.id());
    }

    private Session session(ServiceOffering service, Staff member, int daysFromToday, int hour, boolean online) {
        LocalDate day = LocalDate.now(clock.withZone(SEOUL)).plusDays(daysFromToday);
        Instant start = day.atTime(LocalTime.of(hour, 0)).atZone(SEOUL).toInstant();
        return sessions.create(service.id(), member.id(), start, start.plus(Duration.ofHours(1)), online,
                SessionCapacity.of(service.kind(), null));
    }
}
