package com.videolinks.policy.scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.CourseLinkFact;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.ZoomMeetingFact;

/**
 * Turns a scenario as written into vocabulary facts, filling the documented defaults (rules/README.md) and
 * rejecting what would otherwise be silently ignored: keys that do not belong to the question, missing keys.
 */
final class ScenarioMapper {

    // Defaults chosen so that an unwritten key never blocks a link: a scenario states only what it is about.
    static final long SITE_ID = 1;
    static final Plan PLAN = Plan.BUSINESS;
    static final long DEFAULT_ACCOUNT_ID = 100;
    static final long STAFF_ACCOUNT_ID = 200;
    static final long SESSION_ID = 10;
    static final long SERVICE_ID = 20;
    static final long STAFF_ID = 1;

    private ScenarioMapper() {
    }

    static Scenario toScenario(String file, int line, ScenarioYaml.Entry entry) {
        if (entry.name() == null || entry.name().isBlank()) {
            throw new ScenarioFormatException("missing key 'name'");
        }
        if (entry.ask() == null) {
            throw new ScenarioFormatException("missing key 'ask' (ask: { channel: ... } or ask: { staffConnect: ... })");
        }
        ScenarioYaml.Given given = entry.given() == null
                ? new ScenarioYaml.Given(null, null, null, null, null, null) : entry.given();
        ScenarioYaml.Ask ask = entry.ask();
        if ((ask.channel() == null) == (ask.staffConnect() == null)) {
            throw new ScenarioFormatException("'ask' needs exactly one of 'channel' or 'staffConnect'");
        }
        List<String> fired = ruleNames("rulesFired", entry.rulesFired());
        List<String> notFired = ruleNames("rulesNotFired", entry.rulesNotFired());
        for (String rule : fired) {
            if (notFired.contains(rule)) {
                throw new ScenarioFormatException("rule \"" + rule + "\" is in both 'rulesFired' and 'rulesNotFired'");
            }
        }
        Question question;
        Expectation expectation;
        if (ask.channel() != null) {
            question = new Question.OnChannel(sessionFacts(given), ask.channel());
            expectation = channelExpectation(entry.expect());
        } else {
            question = staffConnect(given, ask.staffConnect());
            expectation = staffConnectExpectation(entry.expect());
        }
        if (!asserts(expectation) && fired.isEmpty() && notFired.isEmpty()) {
            // a scenario that checks nothing would always pass
            throw new ScenarioFormatException("the scenario checks nothing: write 'expect', 'rulesFired' or 'rulesNotFired'");
        }
        return new Scenario(file, line, entry.name().strip(), question, expectation, fired, notFired);
    }

    private static SessionFacts sessionFacts(ScenarioYaml.Given given) {
        ScenarioYaml.Session s = given.session();
        if (s == null) {
            throw new ScenarioFormatException("missing key 'given.session' (a channel question is about one session)");
        }
        if (s.kind() == null) {
            throw new ScenarioFormatException("missing key 'given.session.kind' (ONE_ON_ONE, CLASS or COURSE)");
        }
        Link manualValue = link("given.session.manualLinkValue", s.manualLinkValue(), false);
        ManualLink manual = or(s.manualLink(), manualValue == null ? ManualLink.NONE : ManualLink.ADDED);
        SessionFact session = new SessionFact(or(s.sessionId(), SESSION_ID), or(s.serviceId(), SERVICE_ID), s.kind(),
                or(s.online(), true), s.staffId(), manual, manualValue, or(s.cancelled(), false));
        AccountFact staffAccount = null;
        if (given.staffAccount() != null) {
            Long staffId = or(given.staffAccount().staffId(), session.staffId());
            if (staffId == null) {
                throw new ScenarioFormatException("missing key 'given.staffAccount.staffId' (the session has no staffId to default to)");
            }
            staffAccount = account("given.staffAccount", given.staffAccount(), AccountRole.STAFF, STAFF_ACCOUNT_ID, staffId);
        }
        CourseLinkFact courseLink = null;
        if (given.courseLink() != null) {
            courseLink = new CourseLinkFact(or(given.courseLink().serviceId(), session.serviceId()),
                    link("given.courseLink.link", given.courseLink().link(), true));
        }
        ZoomMeetingFact meeting = null;
        if (given.meeting() != null) {
            if (given.meeting().accountId() == null) {
                throw new ScenarioFormatException("missing key 'given.meeting.accountId' (the account the meeting was created under: "
                        + DEFAULT_ACCOUNT_ID + " is the default account's id, " + STAFF_ACCOUNT_ID + " the staff account's, unless set)");
            }
            meeting = new ZoomMeetingFact(or(given.meeting().sessionId(), session.sessionId()), given.meeting().accountId(),
                    link("given.meeting.link", given.meeting().link(), true));
        }
        return new SessionFacts(site(given.site()), session, defaultAccount(given.defaultAccount()), staffAccount,
                courseLink, meeting);
    }

    private static Question staffConnect(ScenarioYaml.Given given, ScenarioYaml.StaffConnect ask) {
        // LinkPolicy.mayConnectStaffAccount sees only the site and the default account; anything else would be ignored
        notUsed("given.session", given.session());
        notUsed("given.staffAccount", given.staffAccount());
        notUsed("given.courseLink", given.courseLink());
        notUsed("given.meeting", given.meeting());
        if (ask.bySelf() == null) {
            throw new ScenarioFormatException("missing key 'ask.staffConnect.bySelf' (true: the staff member connects it, false: the business does)");
        }
        return new Question.StaffConnect(site(given.site()), defaultAccount(given.defaultAccount()),
                new StaffConnectRequest(or(ask.staffId(), STAFF_ID), ask.bySelf()));
    }

    private static Expectation channelExpectation(ScenarioYaml.Expect e) {
        if (e == null) {
            return new Expectation.OnChannel(null, null, null, null, List.of(), null, null, List.of());
        }
        notUsed("expect.allowed", e.allowed(), "a staffConnect question");
        notUsed("expect.refusals", e.refusals(), "a staffConnect question");
        ScenarioYaml.MeetingExpect meeting = e.meeting();
        if (meeting != null && meeting.need() == null) {
            throw new ScenarioFormatException("missing key 'expect.meeting.need' (MEETING, NO_MEETING or UNDECIDED)");
        }
        if (meeting != null && meeting.accountId() != null && meeting.need() != MeetingRequirement.Need.MEETING) {
            throw new ScenarioFormatException("'expect.meeting.accountId' goes with need: MEETING only; remove it");
        }
        return new Expectation.OnChannel(e.status(), e.source(), e.mode(), link("expect.link", e.link(), false),
                list("expect.withheld", e.withheld()), meeting == null ? null : meeting.need(),
                meeting == null ? null : meeting.accountId(), list("expect.reasonsContain", e.reasonsContain()));
    }

    private static Expectation staffConnectExpectation(ScenarioYaml.Expect e) {
        if (e == null) {
            return new Expectation.StaffConnect(null, List.of(), List.of());
        }
        notUsed("expect.status", e.status(), "a channel question");
        notUsed("expect.source", e.source(), "a channel question");
        notUsed("expect.mode", e.mode(), "a channel question");
        notUsed("expect.link", e.link(), "a channel question");
        notUsed("expect.withheld", e.withheld(), "a channel question");
        notUsed("expect.meeting", e.meeting(), "a channel question");
        return new Expectation.StaffConnect(e.allowed(), list("expect.refusals", e.refusals()),
                list("expect.reasonsContain", e.reasonsContain()));
    }

    private static boolean asserts(Expectation expectation) {
        if (expectation instanceof Expectation.OnChannel e) {
            return e.status() != null || e.source() != null || e.mode() != null || e.link() != null
                    || !e.withheld().isEmpty() || e.meetingNeed() != null || !e.reasonsContain().isEmpty();
        }
        Expectation.StaffConnect e = (Expectation.StaffConnect) expectation;
        return e.allowed() != null || !e.refusals().isEmpty() || !e.reasonsContain().isEmpty();
    }

    private static SiteFact site(ScenarioYaml.Site s) {
        if (s == null) {
            return new SiteFact(SITE_ID, PLAN, true, true, true, true);
        }
        return new SiteFact(or(s.siteId(), SITE_ID), or(s.plan(), PLAN), or(s.staffSelfService(), true),
                or(s.linkInConfirmationEmail(), true), or(s.linkOnMyBookings(), true), or(s.linkOnMemberPages(), true));
    }

    private static AccountFact defaultAccount(ScenarioYaml.Account a) {
        if (a == null) {
            return null;
        }
        if (a.staffId() != null) {
            throw new ScenarioFormatException("'given.defaultAccount.staffId': the site's default account belongs to no staff member");
        }
        return account("given.defaultAccount", a, AccountRole.SITE_DEFAULT, DEFAULT_ACCOUNT_ID, null);
    }

    private static AccountFact account(String key, ScenarioYaml.Account a, AccountRole role, long defaultId, Long staffId) {
        if (a.provider() == null) {
            throw new ScenarioFormatException("missing key '" + key + ".provider' (ZOOM or CUSTOM_LINK)");
        }
        return new AccountFact(or(a.accountId(), defaultId), role, staffId, a.provider(), or(a.connected(), true),
                link(key + ".link", a.link(), false));
    }

    private static Link link(String key, ScenarioYaml.LinkSpec spec, boolean required) {
        if (spec == null) {
            if (required) {
                throw new ScenarioFormatException("missing key '" + key + "'");
            }
            return null;
        }
        if (!key.startsWith("expect.") && (spec.url() == null || spec.url().isBlank())) {
            throw new ScenarioFormatException("missing key '" + key + ".url'");
        }
        return new Link(spec.url(), spec.password(), spec.description());
    }

    private static List<String> ruleNames(String key, List<String> names) {
        List<String> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String name : orEmpty(names)) {
            if (name == null || name.isBlank()) {
                throw new ScenarioFormatException("'" + key + "' holds an empty rule name");
            }
            if (seen.add(name.strip())) {
                result.add(name.strip());
            }
        }
        return result;
    }

    private static void notUsed(String key, Object value) {
        if (value != null) {
            throw new ScenarioFormatException("'" + key + "' is not used by a staffConnect question; remove it");
        }
    }

    private static void notUsed(String key, Object value, String belongsTo) {
        if (value != null) {
            throw new ScenarioFormatException("'" + key + "' belongs to " + belongsTo + ", not to this one; remove it");
        }
    }

    private static <T> List<T> list(String key, List<T> list) {
        if (list != null && list.contains(null)) {
            throw new ScenarioFormatException("'" + key + "' holds an empty entry");
        }
        return orEmpty(list);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }
}
