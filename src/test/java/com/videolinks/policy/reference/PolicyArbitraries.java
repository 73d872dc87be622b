package com.videolinks.policy.reference;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/**
 * Random but well-formed policy inputs: every plan, visibility flag, account shape, session shape, course link and
 * Zoom meeting the vocabulary allows. Ids come from tiny pools so "this one" and "another one" both occur often.
 */
public final class PolicyArbitraries {

    static final long SERVICE = 5;
    static final long OTHER_SERVICE = 6;
    static final long SESSION = 10;
    static final long OTHER_SESSION = 11;
    static final long STAFF = 3;
    static final long OTHER_STAFF = 4;
    static final long DEFAULT_ACCOUNT = 7;
    static final long STAFF_ACCOUNT = 8;
    static final long UNKNOWN_ACCOUNT = 9;

    private PolicyArbitraries() {
    }

    /** One question to the policy: the facts about a session and the channel asking. */
    public record LinkQuestion(SessionFacts facts, Channel channel) {
    }

    /** One staff-connect question. */
    public record ConnectQuestion(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) {
    }

    public static Arbitrary<LinkQuestion> linkQuestions() {
        return Combinators.combine(sessionFacts(), Arbitraries.of(Channel.class)).as(LinkQuestion::new);
    }

    public static Arbitrary<ConnectQuestion> connectQuestions() {
        Arbitrary<StaffConnectRequest> requests = Combinators.combine(Arbitraries.of(STAFF, OTHER_STAFF),
                Arbitraries.of(true, false)).as(StaffConnectRequest::new);
        return Combinators.combine(sites(), defaultAccounts(), requests).as(ConnectQuestion::new);
    }

    /**
     * The sessions of one site as the service loads them (one consistent world): one site and default account, at
     * most one account per staff member, one course link per service, one meeting per session; each session's
     * facts hold its own staff member's account, its service's course link and its meeting. 1 to 12 sessions with
     * distinct ids over two services and two staff members.
     */
    public static Arbitrary<List<SessionFacts>> siteBatches() {
        return siteBatches(1, 12);
    }

    /** {@link #siteBatches()} of {@code min} to {@code max} sessions. */
    public static Arbitrary<List<SessionFacts>> siteBatches(int min, int max) {
        Arbitrary<AccountFact> ownAccount = orAbsent(accounts(AccountRole.STAFF, Arbitraries.just(STAFF_ACCOUNT),
                Arbitraries.just(STAFF), Arbitraries.of(true, false)), 0.3);
        Arbitrary<AccountFact> otherAccount = orAbsent(accounts(AccountRole.STAFF, Arbitraries.just(UNKNOWN_ACCOUNT),
                Arbitraries.just(OTHER_STAFF), Arbitraries.of(true, false)), 0.3);
        Arbitrary<CourseLinkFact> course = orAbsent(links().map(link -> new CourseLinkFact(SERVICE, link)), 0.4);
        Arbitrary<CourseLinkFact> otherCourse = orAbsent(links().map(link -> new CourseLinkFact(OTHER_SERVICE, link)), 0.4);
        Arbitrary<List<SessionFact>> sessions = Combinators.combine(sessions(), Arbitraries.of(SERVICE, OTHER_SERVICE))
                .as((session, service) -> new SessionFact(0, service, session.kind(), session.online(),
                        session.staffId(), session.manualLink(), session.manualLinkValue(), session.cancelled()))
                .list().ofMinSize(min).ofMaxSize(max);
        Arbitrary<List<Long>> meetingAccounts = Arbitraries.frequency(Tuple.of(2, (Long) null),
                Tuple.of(2, DEFAULT_ACCOUNT), Tuple.of(2, STAFF_ACCOUNT), Tuple.of(1, UNKNOWN_ACCOUNT)).list().ofSize(max);
        return Combinators.combine(sites(), defaultAccounts(), ownAccount, otherAccount, course, otherCourse, sessions,
                        meetingAccounts)
                .as((site, siteDefault, own, other, courseLink, otherCourseLink, drawn, hosts) -> {
                    List<SessionFacts> batch = new java.util.ArrayList<>();
                    for (int i = 0; i < drawn.size(); i++) {
                        SessionFact s = drawn.get(i);
                        long id = 100 + i;
                        SessionFact session = new SessionFact(id, s.serviceId(), s.kind(), s.online(), s.staffId(),
                                s.manualLink(), s.manualLinkValue(), s.cancelled());
                        AccountFact staffAccount = s.staffId() == null ? null
                                : s.staffId() == STAFF ? own : other;
                        CourseLinkFact link = s.serviceId() == SERVICE ? courseLink : otherCourseLink;
                        Long host = hosts.get(i);
                        ZoomMeetingFact meeting = host == null ? null
                                : new ZoomMeetingFact(id, host, new Link("https://zoom.example.com/j/" + id, "z" + id, null));
                        batch.add(new SessionFacts(site, session, siteDefault, staffAccount, link, meeting));
                    }
                    return batch;
                });
    }

    /** {@code count} batches drawn with a fixed seed (benchmarks). */
    public static List<List<SessionFacts>> sampleSiteBatches(int count, int sessions, long seed) {
        // list arbitraries need a jqwik session outside a property
        net.jqwik.api.sessions.JqwikSession.start();
        try {
            return sample(siteBatches(sessions, sessions), count, seed);
        } finally {
            net.jqwik.api.sessions.JqwikSession.finish();
        }
    }

    /** {@code count} link questions drawn with a fixed seed, for benchmarks that must see the same mix every run. */
    public static List<LinkQuestion> sampleLinkQuestions(int count, long seed) {
        return sample(linkQuestions(), count, seed);
    }

    /** As {@link #sampleLinkQuestions}, for the staff-connect question. */
    public static List<ConnectQuestion> sampleConnectQuestions(int count, long seed) {
        return sample(connectQuestions(), count, seed);
    }

    static Arbitrary<SessionFacts> sessionFacts() {
        return Combinators.combine(sites(), sessions(), defaultAccounts(), staffAccounts(), courseLinks(), meetings())
                .as(SessionFacts::new);
    }

    static Arbitrary<SiteFact> sites() {
        Arbitrary<Boolean> flag = Arbitraries.of(true, false);
        // premium plans are weighted up: on any other plan the session never gets past S4
        Arbitrary<Plan> plans = Arbitraries.frequency(Tuple.of(4, Plan.BUSINESS), Tuple.of(4, Plan.ECOMMERCE),
                Tuple.of(1, Plan.FREE), Tuple.of(1, Plan.BASIC), Tuple.of(1, Plan.UNLIMITED));
        return Combinators.combine(plans, flag, flag, flag, flag)
                .as((plan, selfService, email, myBookings, memberPages) ->
                        new SiteFact(1, plan, selfService, email, myBookings, memberPages));
    }

    /** Absent, Zoom or a custom link; mostly connected, since a disconnected one withholds every link (S2, S9). */
    static Arbitrary<AccountFact> defaultAccounts() {
        return orAbsent(accounts(AccountRole.SITE_DEFAULT, Arbitraries.just(DEFAULT_ACCOUNT), Arbitraries.just(null),
                Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false))), 0.1);
    }

    /**
     * Absent, or a Zoom or custom account of the session's staff member or of someone else (S10). Never without a
     * staff id: a staff account belongs to someone, and the shipped rules select no link at all for a staff account
     * without one on a session without staff (no selection rule fires).
     */
    static Arbitrary<AccountFact> staffAccounts() {
        return orAbsent(accounts(AccountRole.STAFF, Arbitraries.just(STAFF_ACCOUNT), Arbitraries.of(STAFF, OTHER_STAFF),
                Arbitraries.of(true, false)), 0.3);
    }

    private static Arbitrary<AccountFact> accounts(AccountRole role, Arbitrary<Long> ids, Arbitrary<Long> staffIds,
                                                   Arbitrary<Boolean> connected) {
        // a custom account always carries its URL (S3); one without probes the "nothing to show yet" path
        Arbitrary<AccountShape> shapes = Arbitraries.frequency(Tuple.of(4, AccountShape.ZOOM),
                Tuple.of(4, AccountShape.CUSTOM_LINK), Tuple.of(1, AccountShape.CUSTOM_LINK_WITHOUT_URL));
        return Combinators.combine(ids, staffIds, shapes, links(), connected)
                .as((id, staffId, shape, link, isConnected) -> new AccountFact(id, role, staffId,
                        shape == AccountShape.ZOOM ? Provider.ZOOM : Provider.CUSTOM_LINK, isConnected,
                        shape == AccountShape.CUSTOM_LINK ? link : null));
    }

    /** Every kind, online or not, with or without staff, and every manual change staff can make (S11, S17, S20). */
    static Arbitrary<SessionFact> sessions() {
        Arbitrary<Long> staff = orAbsent(Arbitraries.of(STAFF, OTHER_STAFF), 0.25);
        // the added link is independent of the manual change: a stale value must not matter unless ADDED
        Arbitrary<Link> manualValue = orAbsent(links(), 0.2);
        // mostly online and untouched, so the account-based selections (S10, S17, S18) get their share
        Arbitrary<Boolean> online = Arbitraries.frequency(Tuple.of(4, true), Tuple.of(1, false));
        Arbitrary<ManualLink> manual = Arbitraries.frequency(Tuple.of(6, ManualLink.NONE), Tuple.of(2, ManualLink.ADDED),
                Tuple.of(1, ManualLink.REMOVED),
                Tuple.of(1, ManualLink.ZOOM_ADDED));
        Arbitrary<Boolean> cancelled = Arbitraries.frequency(Tuple.of(6, false), Tuple.of(1, true));
        return Combinators.combine(Arbitraries.of(ServiceKind.class), online, staff, manual, manualValue, cancelled)
                .as((kind, isOnline, staffId, change, value, isCancelled) ->
                        new SessionFact(SESSION, SERVICE, kind, isOnline, staffId, change, value, isCancelled));
    }

    /** Absent, or a course link for this service or another one (S18). */
    static Arbitrary<CourseLinkFact> courseLinks() {
        return orAbsent(Combinators.combine(Arbitraries.of(SERVICE, OTHER_SERVICE), links()).as(CourseLinkFact::new), 0.35);
    }

    /** Absent, or a meeting for this session or another one, under either account or one the facts do not hold (S5). */
    static Arbitrary<ZoomMeetingFact> meetings() {
        return orAbsent(Combinators.combine(Arbitraries.frequency(Tuple.of(2, SESSION), Tuple.of(1, OTHER_SESSION)),
                        Arbitraries.of(DEFAULT_ACCOUNT, STAFF_ACCOUNT, UNKNOWN_ACCOUNT), links())
                .as(ZoomMeetingFact::new), 0.3);
    }

    /** Zoom links come from meetings, so a Zoom account carries none (see {@link AccountFact}). */
    private enum AccountShape { ZOOM, CUSTOM_LINK, CUSTOM_LINK_WITHOUT_URL }

    static Arbitrary<Link> links() {
        return Combinators.combine(Arbitraries.integers().between(1, 999), orAbsent(Arbitraries.just("pw"), 0.5))
                .as((n, password) -> new Link("https://meet.example.com/" + n, password, "room " + n));
    }

    /**
     * {@code null} with the given probability. Not {@code injectNull}: that flat-maps, and a flat-mapped arbitrary
     * can only generate inside a jqwik property, while the benchmark draws its questions outside one.
     */
    private static <T> Arbitrary<T> orAbsent(Arbitrary<T> present, double absent) {
        int absentWeight = (int) Math.round(absent * 100);
        // absent listed first, so a failing sample shrinks towards the fact being absent
        Arbitrary<Boolean> isPresent = Arbitraries.frequency(Tuple.of(absentWeight, false), Tuple.of(100 - absentWeight, true));
        return Combinators.combine(isPresent, present).as((there, value) -> there ? value : null);
    }

    private static <T> List<T> sample(Arbitrary<T> arbitrary, int count, long seed) {
        Random random = new Random(seed);
        var generator = arbitrary.generator(1000);
        return Stream.generate(() -> generator.next(random).value()).limit(count).toList();
    }

    /**
     * The same question under other names (ADR 017): every id shifted by {@code salt}, every link's texts marked with it;
     * which names are equal, absent or different stays as it was.
     */
    public static SessionFacts namedApart(SessionFacts facts, long salt) {
        SiteFact site = facts.site();
        SessionFact session = facts.session();
        AccountFact defaultAccount = facts.defaultAccount();
        AccountFact staffAccount = facts.staffAccount();
        CourseLinkFact course = facts.courseLink();
        ZoomMeetingFact meeting = facts.meeting();
        return new SessionFacts(
                new SiteFact(site.siteId() + salt, site.plan(), site.staffSelfService(), site.linkInConfirmationEmail(),
                        site.linkOnMyBookings(), site.linkOnMemberPages()),
                new SessionFact(session.sessionId() + salt, session.serviceId() + salt, session.kind(), session.online(),
                        id(session.staffId(), salt), session.manualLink(), link(session.manualLinkValue(), salt),
                        session.cancelled()),
                account(defaultAccount, salt), account(staffAccount, salt),
                course == null ? null : new CourseLinkFact(course.serviceId() + salt, link(course.link(), salt)),
                meeting == null ? null : new ZoomMeetingFact(meeting.sessionId() + salt, meeting.accountId() + salt,
                        link(meeting.link(), salt)));
    }

    private static AccountFact account(AccountFact account, long salt) {
        return account == null ? null : new AccountFact(account.accountId() + salt, account.role(),
                id(account.staffId(), salt), account.provider(), account.connected(), link(account.link(), salt));
    }

    private static Long id(Long id, long salt) {
        return id == null ? null : id + salt;
    }

    private static Link link(Link link, long salt) {
        return link == null ? null : new Link(link.url() + "?s=" + salt, link.password() == null ? null
                : link.password() + salt, link.description() == null ? null : link.description() + " " + salt);
    }
}
