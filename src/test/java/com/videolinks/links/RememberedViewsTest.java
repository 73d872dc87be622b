package com.videolinks.links;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

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
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.policy.vocabulary.SessionFact;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.SiteFact;

/**
 * Whole session views (every channel, the meeting requirement) are remembered by the session's facts for one compiled
 * version; only the sessions not remembered go to the rules, together; a changed fact or another version asks again,
 * and a remembered view equals the one the rules give (docs/adr-015-link-request-cost.md).
 */
class RememberedViewsTest {

    static CompiledRules version1;
    static CompiledRules version2;

    static final Link MEET = new Link("https://meet.example.com/abc", "pw", "Meet");

    final List<List<Long>> asked = new ArrayList<>();
    LinkPolicy policy;
    RememberedViews views;

    @BeforeAll
    static void compile() {
        version1 = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "1");
        version2 = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "2");
    }

    void livePolicy(CompiledRules rules) {
        policy = new LinkPolicy(rules) {
            @Override
            public Map<Long, SessionView> views(Collection<SessionFacts> sessions) {
                asked.add(sessions.stream().map(facts -> facts.session().sessionId()).toList());
                return super.views(sessions);
            }
        };
        views = new RememberedViews(policy);
    }

    @Test
    void onlyTheSessionsNotRememberedGoToTheRulesAndTheAnswersAreTheRulesOwn() {
        livePolicy(version1);
        Map<Long, SessionView> first = views.views(List.of(facts(10, true), facts(11, true)));

        // S9 on session 12: the default disconnected; 10 and 11 are remembered
        Map<Long, SessionView> again = views.views(List.of(facts(10, true), facts(12, false), facts(11, true)));

        assertThat(asked).containsExactly(List.of(10L, 11L), List.of(12L));
        assertThat(again.keySet()).containsExactly(10L, 12L, 11L);
        assertThat(again.get(10L)).isEqualTo(first.get(10L)).isEqualTo(policy.view(facts(10, true)));
        assertThat(again.get(10L).on(Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.SHOWN);
        assertThat(again.get(12L).on(Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.NONE);
    }

    @Test
    void aChangedFactIsAnotherQuestion() {
        livePolicy(version1);
        views.views(List.of(facts(10, true)));
        SessionView disconnected = views.views(List.of(facts(10, false))).get(10L);

        assertThat(asked).containsExactly(List.of(10L), List.of(10L));
        assertThat(disconnected.on(Channel.CONFIRMATION_EMAIL).status()).isEqualTo(LinkStatus.NONE);
    }

    @Test
    void anotherLiveVersionAsksTheRulesAgainAndItsViewsNameIt() {
        livePolicy(version1);
        views.views(List.of(facts(10, true)));

        policy.publish(version2);
        SessionView afterRelease = views.views(List.of(facts(10, true))).get(10L);
        SessionView again = views.views(List.of(facts(10, true))).get(10L);

        assertThat(asked).hasSize(2);
        assertThat(afterRelease.ruleVersion()).isEqualTo("2");
        assertThat(again).isEqualTo(afterRelease);
    }

    private static SessionFacts facts(long sessionId, boolean defaultConnected) {
        return new SessionFacts(new SiteFact(1, Plan.BUSINESS, false, true, true, true),
                new SessionFact(sessionId, 5, ServiceKind.CLASS, true, 3L, ManualLink.NONE, null),
                new AccountFact(7, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, defaultConnected, MEET),
                null, null, null);
    }
}
