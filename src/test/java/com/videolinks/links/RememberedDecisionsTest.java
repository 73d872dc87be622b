package com.videolinks.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;
import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.AccountRole;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.WithholdReason;

/**
 * The rules' answers are remembered by the whole question (every fact, by value, and the channel) for one compiled
 * version: any changed fact or another live version asks the rules again (docs/adr-015-link-request-cost.md).
 */
class RememberedDecisionsTest {

    static CompiledRules version1;
    static CompiledRules version2;

    static final Link MEET = new Link("https://meet.example.com/abc", "pw", "Meet");

    final AtomicInteger asked = new AtomicInteger();
    LinkPolicy policy;
    RememberedDecisions decisions;

    @BeforeAll
    static void compile() {
        version1 = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "1");
        version2 = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "2");
    }

    void livePolicy(CompiledRules rules) {
        policy = new LinkPolicy(rules) {
            @Override
            public LinkDecision decide(SessionFacts facts, Channel channel) {
                asked.incrementAndGet();
                return super.decide(facts, channel);
            }
        };
        decisions = new RememberedDecisions(policy);
    }

    @Test
    void theSameQuestionToTheSameVersionIsAnsweredOnceAndAlike() {
        livePolicy(version1);

        LinkDecision first = decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);
        LinkDecision again = decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);

        assertThat(asked).hasValue(1);
        assertThat(again).isEqualTo(first);
        assertThat(again.status()).isEqualTo(LinkStatus.SHOWN);
        assertThat(again.link()).isEqualTo(MEET);
    }

    @Test
    void anyChangedFactIsANewQuestionTheRulesAnswer() {
        livePolicy(version1);
        decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);

        // S9: the default account disconnected hides its link
        LinkDecision disconnected = decisions.decide(facts(Plan.BUSINESS, false), Channel.MY_BOOKINGS);
        // S4: the free plan shows no link
        LinkDecision free = decisions.decide(facts(Plan.FREE, true), Channel.MY_BOOKINGS);

        assertThat(asked).hasValue(3);
        assertThat(disconnected.status()).isEqualTo(LinkStatus.NONE);
        assertThat(free.status()).isEqualTo(LinkStatus.NONE);
        assertThat(free.withheldFor(WithholdReason.PLAN_NOT_PREMIUM)).isTrue();
    }

    @Test
    void anotherChannelIsAnotherQuestion() {
        livePolicy(version1);
        decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);
        LinkDecision calendar = decisions.decide(facts(Plan.BUSINESS, true), Channel.BUSINESS_CALENDAR);

        assertThat(asked).hasValue(2);
        assertThat(calendar.channel()).isEqualTo(Channel.BUSINESS_CALENDAR);
    }

    @Test
    void anotherLiveVersionAsksTheRulesAgainAndItsAnswerNamesIt() {
        livePolicy(version1);
        decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);

        policy.publish(version2);
        LinkDecision afterRelease = decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);
        LinkDecision again = decisions.decide(facts(Plan.BUSINESS, true), Channel.MY_BOOKINGS);

        assertThat(asked).hasValue(2);
        assertThat(afterRelease.ruleVersion()).isEqualTo("2");
        assertThat(again.ruleVersion()).isEqualTo("2");
    }

    private static SessionFacts facts(Plan plan, boolean defaultConnected) {
        return new SessionFacts(new SiteFact(1, plan, false, true, true, true),
                new SessionFact(10, 5, ServiceKind.CLASS, true, 3L, ManualLink.NONE, null),
                new AccountFact(7, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, defaultConnected, MEET),
                null, null, null);
    }
}
