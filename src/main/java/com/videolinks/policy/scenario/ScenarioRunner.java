package com.videolinks.policy.scenario;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;

import org.kie.api.runtime.rule.ConsequenceException;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.Decisions;
import com.videolinks.policy.Questions;
import com.videolinks.policy.RuleLoopException;
import com.videolinks.policy.vocabulary.Conclusion;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.ConnectRefused;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.SessionView;

/**
 * Runs one scenario against compiled rules the way {@code LinkPolicy} asks its questions (same facts, same
 * {@link Decisions}), recording the rules that fire, and compares the outcome with the expectation.
 */
final class ScenarioRunner {

    private ScenarioRunner() {
    }

    static ScenarioReport run(CompiledRules rules, Scenario scenario) {
        FiredRules fired = new FiredRules();
        List<Check> checks = new ArrayList<>();
        try {
            if (scenario.question() instanceof Question.OnChannel question) {
                List<Conclusion> conclusions = rules.evaluate(Questions.link(question.facts(), question.channel()), fired);
                long sessionId = question.facts().session().sessionId();
                SessionView view = Decisions.views(List.of(sessionId), List.of(question.channel()), conclusions,
                        rules.version()).get(sessionId);
                checkLink((Expectation.OnChannel) scenario.expectation(), view.on(question.channel()), view.meeting(),
                        checks);
            } else {
                Question.StaffConnect question = (Question.StaffConnect) scenario.question();
                List<Object> facts = Questions.staffConnect(question.site(), question.defaultAccount(), question.request());
                ConnectDecision decision = Decisions.connect(rules.evaluate(facts, fired), rules.version());
                checkConnect((Expectation.StaffConnect) scenario.expectation(), decision, checks);
            }
        } catch (RuntimeException e) {
            return new ScenarioReport(scenario.file(), scenario.line(), scenario.name(), false, checks, fired.names(),
                    "the rules failed while evaluating the scenario: " + failure(e));
        }
        checkRules(scenario, rules, fired.names(), checks);
        boolean passed = checks.stream().allMatch(Check::passed);
        return new ScenarioReport(scenario.file(), scenario.line(), scenario.name(), passed, checks, fired.names(), null);
    }

    /**
     * The failure without its message: a message may carry whatever the failing code put in it (#11). The fire
     * limit's own message is ours and says what to fix.
     */
    private static String failure(RuntimeException e) {
        if (e instanceof RuleLoopException loop) {
            return loop.getMessage();
        }
        if (e instanceof ConsequenceException consequence && consequence.getRule() != null) {
            return "rule \"" + consequence.getRule().getName() + "\" threw "
                    + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName();
        }
        return e.getClass().getSimpleName();
    }

    private static void checkLink(Expectation.OnChannel expected, LinkDecision decision, MeetingRequirement meeting,
                                  List<Check> checks) {
        compare("status", expected.status(), decision.status(), checks);
        compare("source", expected.source(), decision.source(), checks);
        compare("mode", expected.mode(), decision.mode(), checks);
        if (expected.link() != null) {
            Link actual = decision.link();
            compare("link.url", expected.link().url(), actual == null ? null : actual.url(), checks);
            compare("link.password", expected.link().password(), actual == null ? null : actual.password(), checks);
            compare("link.description", expected.link().description(), actual == null ? null : actual.description(), checks);
        }
        if (!expected.withheld().isEmpty()) {
            compareSets("withheld", expected.withheld(), decision.withheld().stream().map(Enum::name).toList(), checks);
        }
        compare("meeting.need", expected.meetingNeed(), meeting.need(), checks);
        compare("meeting.accountId", expected.meetingAccountId(), meeting.accountId(), checks);
        containsAll(expected.reasonsContain(), decision.reasons(), checks);
    }

    private static void checkConnect(Expectation.StaffConnect expected, ConnectDecision decision, List<Check> checks) {
        compare("allowed", expected.allowed(), decision.allowed(), checks);
        if (!expected.refusals().isEmpty()) {
            compareSets("refusals", expected.refusals(), decision.refusals().stream().map(r -> r.code().name()).toList(), checks);
        }
        containsAll(expected.reasonsContain(), decision.refusals().stream().map(ConnectRefused::reason).toList(), checks);
    }

    private static void checkRules(Scenario scenario, CompiledRules rules, List<String> fired, List<Check> checks) {
        // a misspelt name in rulesNotFired would otherwise pass for ever
        Function<String, String> actual = rule -> !rules.ruleNames().contains(rule) ? "no rule of this name in the rule set"
                : fired.contains(rule) ? "fired" : "not fired";
        for (String rule : scenario.rulesFired()) {
            String outcome = actual.apply(rule);
            checks.add(new Check("rule \"" + rule + "\"", "fired", outcome, outcome.equals("fired")));
        }
        for (String rule : scenario.rulesNotFired()) {
            String outcome = actual.apply(rule);
            checks.add(new Check("rule \"" + rule + "\"", "not fired", outcome, outcome.equals("not fired")));
        }
    }

    private static void compare(String what, Object expected, Object actual, List<Check> checks) {
        if (expected != null) {
            checks.add(new Check(what, text(expected), text(actual), Objects.equals(expected, actual)));
        }
    }

    private static void compareSets(String what, Collection<?> expected, Collection<String> actual, List<Check> checks) {
        TreeSet<String> want = new TreeSet<>(expected.stream().map(Object::toString).toList());
        TreeSet<String> got = new TreeSet<>(actual);
        checks.add(new Check(what, want.toString(), got.toString(), want.equals(got)));
    }

    private static void containsAll(List<String> fragments, List<String> reasons, List<Check> checks) {
        for (String fragment : fragments) {
            boolean found = reasons.stream().anyMatch(reason -> reason != null && reason.contains(fragment));
            checks.add(new Check("reasons", "a reason containing \"" + fragment + "\"", reasons.toString(), found));
        }
    }

    private static String text(Object value) {
        return value == null ? "none" : value.toString();
    }
}
