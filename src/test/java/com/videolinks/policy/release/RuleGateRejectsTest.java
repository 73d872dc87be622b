package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.versions.RuleVersion;
import com.videolinks.policy.versions.RuleVersions;
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
import com.videolinks.policy.vocabulary.SiteFact;

/** #3: every kind of bad rule set is rejected with a clear reason, stored as REJECTED, and the live version keeps answering. */
@SpringBootTest
class RuleGateRejectsTest {

    static final SessionFacts CLASS_ON_DEFAULT_LINK = new SessionFacts(
            new SiteFact(1, Plan.BUSINESS, false, true, true, true),
            new SessionFact(10, 5, ServiceKind.CLASS, true, 3L, ManualLink.NONE, null),
            new AccountFact(7, AccountRole.SITE_DEFAULT, null, Provider.CUSTOM_LINK, true,
                    new Link("https://meet.example.com/a", null, null)),
            null, null, null);

    @Autowired
    RuleReleases releases;
    @Autowired
    LinkPolicy policy;
    @Autowired
    RuleVersions versions;

    @Test
    void aSyntaxErrorIsRejectedWithFileLineAndColumn() {
        String broken = ShippedBundle.content("plan.drl").replace("SiteFact( plan not in", "SiteFact( plan nott in");
        assertRejected(ShippedBundle.withRuleFile("plan.drl", broken), "plan.drl:");
    }

    @Test
    void aDeletedRuleFileThatScenariosStillNeedIsRejectedNamingTheFailingScenarios() {
        assertRejected(ShippedBundle.without("disconnect.drl"), "failed");
    }

    @Test
    void aRuleThatLoopsForeverIsStoppedAndRejected() {
        assertRejected(ShippedBundle.withRuleFile("loop.drl", """
                package videolinks.rules;
                import com.videolinks.policy.vocabulary.*;
                rule "A rule that matches the conclusion it draws, forever"
                when
                    $site : SiteFact()
                    $hidden : LinkHidden()
                then
                    insert( new LinkHidden( $hidden.channel(), "again", drools.getRule().getName() ) );
                end

                rule "A rule that draws the first conclusion"
                when
                    SiteFact()
                then
                    insert( new LinkHidden( Channel.MY_BOOKINGS, "first", drools.getRule().getName() ) );
                end
                """), "re-triggers");
    }

    @Test
    void binaryJunkIsRejected() {
        assertRejected(ShippedBundle.withRuleFile("junk.drl", "\u0000\u0001\u0002PK\u0003\u0004"), "binary");
    }

    @Test
    void aTenMegabyteFileIsRejected() {
        assertRejected(ShippedBundle.withRuleFile("huge.drl", "// " + "x".repeat(10 * 1024 * 1024)), "larger than");
    }

    @Test
    void anEmptyRuleSetIsRejected() {
        assertRejected(new RuleBundle(new RuleSet(java.util.List.of()), ShippedBundle.read().tests()), "no .drl file");
    }

    @Test
    void aBundleWithoutScenariosIsRejected() {
        assertRejected(ShippedBundle.withTests(Map.of()), "no scenario file");
    }

    @Test
    void aScenarioThatFailsIsReportedWithExpectedAndActual() {
        RuleBundle shipped = ShippedBundle.read();
        RuleBundle wrong = ShippedBundle.withRuleFile("plan.drl",
                ShippedBundle.content("plan.drl").replace("Plan.BUSINESS, Plan.ECOMMERCE", "Plan.BUSINESS, Plan.ECOMMERCE, Plan.BASIC"));
        assertThat(wrong.hash()).isNotEqualTo(shipped.hash());
        assertRejected(wrong, "expected");
    }

    @Test
    void aBadFileNameIsRejected() {
        RuleBundle shipped = ShippedBundle.read();
        java.util.List<RuleFile> files = new java.util.ArrayList<>(shipped.rules().files());
        files.add(new RuleFile("../escape.drl", "package x;"));
        assertRejected(new RuleBundle(new RuleSet(files), shipped.tests()), "file names");
    }

    private void assertRejected(RuleBundle bundle, String problemMentions) {
        long liveBefore = releases.state().activeVersionId();
        String versionBefore = policy.current().version();

        ReleaseAttempt attempt = releases.attempt(bundle, "test", true);

        assertThat(attempt.outcome()).isEqualTo(RuleVersion.Outcome.REJECTED);
        assertThat(String.join("\n", attempt.problems())).contains(problemMentions);
        assertThat(versions.find(attempt.versionId()).orElseThrow().outcome()).isEqualTo(RuleVersion.Outcome.REJECTED);
        assertThat(releases.state().activeVersionId()).isEqualTo(liveBefore);
        assertThat(versions.active().orElseThrow().versionId()).isEqualTo(liveBefore);
        assertThat(policy.current().version()).isEqualTo(versionBefore);
        assertThat(policy.decide(CLASS_ON_DEFAULT_LINK, Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.SHOWN);
    }
}
