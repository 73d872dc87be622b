package com.videolinks.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

import com.videolinks.support.Tokens;
import com.videolinks.VideolinksApplication;
import com.videolinks.booking.BookingDesk;
import com.videolinks.booking.Customers;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.links.LinkEditing;
import com.videolinks.links.SessionLinks;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUser;
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

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * No leak (S21, S22, #5): over random sites, accounts, sessions, link edits, visibility settings (changed after the
 * emails were written, too) and bookings, a link a channel does not show never appears in that channel's output —
 * not its URL, password or description: confirmation and link-changed emails (CONFIRMATION_EMAIL), the My Bookings
 * page and {@code GET /api/me/bookings} (MY_BOOKINGS), the session pages of the member area (MEMBER_PAGES).
 */
class NoLinkLeakProperties {

    enum DefaultAccount { NONE, CUSTOM, CUSTOM_DISCONNECTED, ZOOM }

    enum StaffAccount { NONE, CUSTOM, ZOOM }

    enum ManualEdit { NONE, ADD, REMOVE, ADD_THEN_CHANGE }

    record SessionSpec(ServiceKind kind, boolean online, boolean future, ManualEdit edit, boolean meetingCreated) {
    }

    record SiteSpec(Plan plan, List<Boolean> visibleBefore, List<Boolean> visibleAfter, DefaultAccount defaultAccount,
                    StaffAccount staffAccount, boolean courseLink, boolean courseLinkEdited, String locale,
                    List<SessionSpec> sessions) {

        Visibility before() {
            return new Visibility(visibleBefore.get(0), visibleBefore.get(1), visibleBefore.get(2));
        }

        Visibility after() {
            return new Visibility(visibleAfter.get(0), visibleAfter.get(1), visibleAfter.get(2));
        }
    }

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
    private static ConfigurableApplicationContext context;
    private static MockMvc mvc;

    @BeforeContainer
    static void startService() {
        context = new SpringApplicationBuilder(VideolinksApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off");
        mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context).apply(springSecurity()).build();
    }

    @AfterContainer
    static void stopService() {
        if (context != null) {
            context.close();
        }
    }

    @Property(tries = 120)
    void s21_s22_aLinkAChannelDoesNotShowNeverAppearsInThatChannelsOutput(@ForAll("sites") SiteSpec spec) throws Exception {
        Built built = build(spec);
        Visibility visible = spec.after();

        Map<String, Set<String>> emails = emails(built);
        String page = page("/my-bookings", built.customer);
        String api = mvc.perform(get("/api/me/bookings").with(Tokens.bearer(Tokens.signIn(mvc, built.customer.username(), "pw"))))
                .andReturn().getResponse().getContentAsString();
        Map<Session, String> memberPages = new LinkedHashMap<>();
        for (Session session : built.sessions) {
            memberPages.put(session, page("/member/sessions/" + session.id(), built.customer));
        }

        // independent of the rules: a channel the business switched off shows no link of the site at all
        if (!visible.confirmationEmail()) {
            emails.keySet().forEach(email -> assertNoTokens(email, built.allTokens, "email with links hidden"));
        }
        if (!visible.myBookings()) {
            assertNoTokens(page, built.allTokens, "My Bookings with links hidden");
            assertNoTokens(api, built.allTokens, "API My Bookings with links hidden");
        }
        if (!visible.memberPages()) {
            memberPages.values().forEach(html -> assertNoTokens(html, built.allTokens, "member page with links hidden"));
        }

        // every output shows at most what the channel's decision shows, and My Bookings shows all of that
        SessionLinks links = context.getBean(SessionLinks.class);
        Set<String> myBookingsShown = new HashSet<>();
        for (Session session : built.sessions) {
            LinkDecision myBookings = links.decide(session, Channel.MY_BOOKINGS);
            myBookingsShown.addAll(tokensOf(myBookings));
            if (myBookings.shown()) {
                assertThat(page).contains(myBookings.link().url());
                assertThat(api).contains(myBookings.link().url());
            }
            LinkDecision member = links.decide(session, Channel.MEMBER_PAGES);
            assertOnly(memberPages.get(session), tokensOf(member), built.allTokens, "member page of session " + session.id());
        }
        Statistics.label("emails rendered").collect(emails.isEmpty() ? "none" : "some");
        Statistics.label("My Bookings shows a link").collect(!myBookingsShown.isEmpty());
        Statistics.label("email shows a link").collect(emails.values().stream().anyMatch(allowed -> !allowed.isEmpty()));
        assertOnly(page, myBookingsShown, built.allTokens, "My Bookings");
        assertOnly(api, myBookingsShown, built.allTokens, "API My Bookings");
        emails.forEach((email, allowed) -> assertOnly(email, allowed, built.allTokens, "email"));
    }

    /** Every email of the customer as it would be sent now, with the tokens its sessions' decisions allow. */
    private static Map<String, Set<String>> emails(Built built) {
        Outbox outbox = context.getBean(Outbox.class);
        MailRenderer renderer = context.getBean(MailRenderer.class);
        SessionLinks links = context.getBean(SessionLinks.class);
        Sessions sessions = context.getBean(Sessions.class);
        com.videolinks.booking.Bookings bookings = context.getBean(com.videolinks.booking.Bookings.class);
        Map<String, Set<String>> emails = new LinkedHashMap<>();
        for (OutboxMessage row : outbox.list(built.siteId, null, 500)) {
            if (row.customerId() != built.customerId || !(renderer.render(row) instanceof MailRenderer.Ready ready)) {
                continue;
            }
            List<Session> covered = row.serviceId() == null ? List.of(sessions.get(row.sessionId()))
                    : bookings.bookedByCustomerInService(built.customerId, row.serviceId()).stream()
                            .map(b -> sessions.get(b.sessionId())).toList();
            Set<String> allowed = new HashSet<>();
            boolean allShown = true;
            for (Session session : covered) {
                LinkDecision email = links.decide(session, Channel.CONFIRMATION_EMAIL);
                allowed.addAll(tokensOf(email));
                allShown &= email.shown() || !session.endsAt().isAfter(Instant.now());
            }
            if (allShown && row.oldLinkUrl() != null) {
                allowed.add(core(row.oldLinkUrl())); // "it replaces ..." names only the old URL
            }
            emails.put(ready.email().subject() + "\n" + ready.email().text() + "\n" + ready.email().html(), allowed);
        }
        return emails;
    }

    private static void assertNoTokens(String output, Set<String> tokens, String what) {
        for (String token : tokens) {
            assertThat(output).as(what + " must not contain " + token).doesNotContain(token);
        }
    }

    private static void assertOnly(String output, Set<String> allowed, Set<String> all, String what) {
        for (String token : all) {
            if (!allowed.contains(token)) {
                assertThat(output).as(what + " must not contain " + token).doesNotContain(token);
            }
        }
    }

    private static Set<String> tokensOf(LinkDecision decision) {
        Set<String> tokens = new HashSet<>();
        if (decision.shown()) {
            tokens.addAll(tokensOf(decision.link()));
        }
        return tokens;
    }

    private static List<String> tokensOf(Link link) {
        List<String> tokens = new ArrayList<>();
        tokens.add(core(link.url()));
        if (link.password() != null) {
            tokens.add(link.password());
        }
        if (link.description() != null) {
            tokens.add(link.description());
        }
        return tokens;
    }

    /** The unique part of a generated URL ("r-17-room"), found however the URL is escaped around it. */
    private static String core(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }

    private static String page(String path, AppUser customer) throws Exception {
        return mvc.perform(get(path).with(user(customer))).andReturn().getResponse().getContentAsString();
    }

    // ---- building a random site through the service's own components ----

    private record Built(long siteId, long customerId, AppUser customer, List<Session> sessions, Set<String> allTokens) {
    }

    private static Built build(SiteSpec spec) {
        long n = SEQUENCE.incrementAndGet();
        Set<String> tokens = new HashSet<>();
        AppUsers users = context.getBean(AppUsers.class);
        Sites sites = context.getBean(Sites.class);
        ConferencingAccounts accounts = context.getBean(ConferencingAccounts.class);
        StaffMembers staffMembers = context.getBean(StaffMembers.class);
        ServiceOfferings services = context.getBean(ServiceOfferings.class);
        Sessions sessions = context.getBean(Sessions.class);
        ZoomMeetings meetings = context.getBean(ZoomMeetings.class);
        Customers customers = context.getBean(Customers.class);
        BookingDesk desk = context.getBean(BookingDesk.class);
        LinkEditing editing = context.getBean(LinkEditing.class);
        LinkChangeNotifications linkChanges = context.getBean(LinkChangeNotifications.class);

        String owner = "leak-owner-" + n;
        users.create(owner, "pw", Role.OWNER, null, null);
        Site site = sites.create("Leak site " + n, owner, spec.plan(), SEOUL, true, spec.before());
        Long defaultZoom = null;
        switch (spec.defaultAccount()) {
            case CUSTOM, CUSTOM_DISCONNECTED -> {
                ConferencingAccount account = accounts.connect(site.id(), null, Provider.CUSTOM_LINK, null, link(tokens));
                sites.setDefaultAccount(site.id(), account.id());
                if (spec.defaultAccount() == DefaultAccount.CUSTOM_DISCONNECTED) {
                    accounts.disconnect(account.id());
                }
            }
            case ZOOM -> {
                ConferencingAccount account = accounts.connect(site.id(), null, Provider.ZOOM, "z" + n + "@example.com", null);
                sites.setDefaultAccount(site.id(), account.id());
                defaultZoom = account.id();
            }
            case NONE -> { }
        }
        Staff staff = staffMembers.create(site.id(), "Staff " + n, "staff" + n + "@example.com");
        Long staffZoom = null;
        if (spec.staffAccount() != StaffAccount.NONE) {
            boolean zoom = spec.staffAccount() == StaffAccount.ZOOM;
            ConferencingAccount account = accounts.connect(site.id(), staff.id(), zoom ? Provider.ZOOM : Provider.CUSTOM_LINK,
                    zoom ? "s" + n + "@example.com" : null, zoom ? null : link(tokens));
            staffMembers.setAccount(staff.id(), account.id());
            staffZoom = zoom ? account.id() : null;
        }
        Map<ServiceKind, ServiceOffering> byKind = new LinkedHashMap<>();
        for (ServiceKind kind : ServiceKind.values()) {
            ServiceOffering service = services.create(site.id(), kind.name() + " " + n, kind, true);
            services.assignStaff(service.id(), List.of(staff.id()));
            byKind.put(kind, service);
        }
        long courseId = byKind.get(ServiceKind.COURSE).id();
        if (spec.courseLink()) {
            services.changeCourseLink(courseId, link(tokens));
        }

        List<Session> created = new ArrayList<>();
        Instant base = Instant.parse("2031-03-01T01:00:00Z");
        for (int i = 0; i < spec.sessions().size(); i++) {
            SessionSpec s = spec.sessions().get(i);
            Instant start = base.plus(Duration.ofDays(i)); // past ones move to the past once booked (below)
            Session session = sessions.create(byKind.get(s.kind()).id(), staff.id(), start, start.plusSeconds(3600), s.online(),
                    SessionCapacity.of(s.kind(), null));
            Long host = s.kind() != ServiceKind.COURSE && staffZoom != null ? staffZoom : defaultZoom;
            if (s.meetingCreated() && host != null) {
                Link meeting = link(tokens);
                meetings.record(session.id(), host, "m" + n + i, meeting.url(), meeting.password());
            }
            created.add(session);
        }

        String locale = spec.locale();
        long customerId = customers.create(site.id(), "Customer " + n, "customer" + n + "@example.com",
                Locale.forLanguageTag(locale), SEOUL).id();
        String username = "leak-customer-" + n;
        users.create(username, "pw", Role.CUSTOMER, null, customerId);
        created.forEach(session -> desk.book(session.id(), customerId));
        // a past session was booked while it was upcoming (only upcoming sessions take bookings, #11)
        for (int i = 0; i < created.size(); i++) {
            if (!spec.sessions().get(i).future()) {
                Instant start = Instant.parse("2020-03-01T01:00:00Z").plus(Duration.ofDays(i));
                sessions.reschedule(created.get(i).id(), start, start.plusSeconds(3600));
                created.set(i, sessions.get(created.get(i).id()));
            }
        }

        for (int i = 0; i < created.size(); i++) {
            long sessionId = created.get(i).id();
            switch (spec.sessions().get(i).edit()) {
                case ADD -> editing.addSessionLink(sessionId, link(tokens));
                case REMOVE -> editing.removeSessionLink(sessionId);
                case ADD_THEN_CHANGE -> {
                    editing.addSessionLink(sessionId, link(tokens));
                    editing.addSessionLink(sessionId, link(tokens));
                }
                case NONE -> { }
            }
        }
        boolean hasCourseSession = spec.sessions().stream().anyMatch(s -> s.kind() == ServiceKind.COURSE);
        if (spec.courseLinkEdited() && hasCourseSession) {
            Link old = services.get(courseId).courseLink();
            ServiceOffering changed = editing.changeCourseLink(courseId, link(tokens));
            linkChanges.courseLinkChanged(courseId, changed.courseLinkVersion(), old);
        }
        sites.changeVisibility(site.id(), spec.after());

        List<Session> current = created.stream().map(s -> sessions.get(s.id())).toList();
        return new Built(site.id(), customerId, users.find(username).orElseThrow(), current, tokens);
    }

    /** A link whose URL, password and description are unique strings, so any appearance is traceable. */
    private static Link link(Set<String> tokens) {
        long id = SEQUENCE.incrementAndGet();
        Link link = new Link("https://meet.example.com/r-" + id + "-room", "pw-" + id + "-secret", "desc-" + id + "-about");
        tokens.addAll(tokensOf(link));
        return link;
    }

    @Provide
    Arbitrary<SiteSpec> sites() {
        Arbitrary<List<Boolean>> visibility = Arbitraries.of(true, false).list().ofSize(3);
        Arbitrary<SessionSpec> session = Builders.withBuilder(() -> new Object[5])
                .use(Arbitraries.of(ServiceKind.class)).in((a, v) -> { a[0] = v; return a; })
                .use(Arbitraries.of(true, true, false)).in((a, v) -> { a[1] = v; return a; })
                .use(Arbitraries.of(true, true, false)).in((a, v) -> { a[2] = v; return a; })
                .use(Arbitraries.of(ManualEdit.class)).in((a, v) -> { a[3] = v; return a; })
                .use(Arbitraries.of(true, false)).in((a, v) -> { a[4] = v; return a; })
                .build(a -> new SessionSpec((ServiceKind) a[0], (Boolean) a[1], (Boolean) a[2], (ManualEdit) a[3], (Boolean) a[4]));
        return Builders.withBuilder(() -> new Object[9])
                .use(Arbitraries.of(Plan.BUSINESS, Plan.BUSINESS, Plan.ECOMMERCE, Plan.BASIC)).in((a, v) -> { a[0] = v; return a; })
                .use(visibility).in((a, v) -> { a[1] = v; return a; })
                .use(visibility).in((a, v) -> { a[2] = v; return a; })
                .use(Arbitraries.of(DefaultAccount.CUSTOM, DefaultAccount.CUSTOM, DefaultAccount.ZOOM,
                        DefaultAccount.CUSTOM_DISCONNECTED, DefaultAccount.NONE)).in((a, v) -> { a[3] = v; return a; })
                .use(Arbitraries.of(StaffAccount.class)).in((a, v) -> { a[4] = v; return a; })
                .use(Arbitraries.of(true, false)).in((a, v) -> { a[5] = v; return a; })
                .use(Arbitraries.of(true, false)).in((a, v) -> { a[6] = v; return a; })
                .use(Arbitraries.of("ko", "en")).in((a, v) -> { a[7] = v; return a; })
                .use(session.list().ofMinSize(1).ofMaxSize(4)).in((a, v) -> { a[8] = v; return a; })
                .build(a -> new SiteSpec((Plan) a[0], cast(a[1]), cast(a[2]), (DefaultAccount) a[3], (StaffAccount) a[4],
                        (Boolean) a[5], (Boolean) a[6], (String) a[7], cast(a[8])));
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> cast(Object list) {
        return (List<T>) list;
    }
}
