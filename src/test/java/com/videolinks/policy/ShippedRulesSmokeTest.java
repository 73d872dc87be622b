package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.vocabulary.*;

class ShippedRulesSmokeTest {

    @Test
    void customDefaultLinkIsShownOnMyBookings() {
        CompiledRules rules = new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "test");
        LinkPolicy policy = new LinkPolicy(rules);
        Link meet = new Link("https://meet.example.com/abc", "pw", "Meet");
        SessionFacts facts = new SessionFacts(
                new SiteFact(1, Plan.BUSINESS, false, true, true, true),
                new SessionFact(10, 5, ServiceKind.CLASS, true, 3L, ManualLink.NONE, null),
                new AccountFact(7, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, true, meet),
                null, null, null);
        LinkDecision decision = policy.decide(facts, Channel.MY_BOOKINGS);
        assertThat(decision.status()).isEqualTo(LinkStatus.SHOWN);
        assertThat(decision.link()).isEqualTo(meet);
        assertThat(decision.rules()).containsExactly(
                "A session whose staff member has no connected account of their own uses the site's default account");
    }
}
