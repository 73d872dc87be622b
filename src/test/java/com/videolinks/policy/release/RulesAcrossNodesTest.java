package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import com.videolinks.VideolinksApplication;
import com.videolinks.support.ShippedRulesFolder;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleSetRejectedException;
import com.videolinks.policy.vocabulary.Channel;

/**
 * #2 and #3 across whole service starts: folder → gate → database → every node. Each "node" is a full application
 * context; two nodes share one database as a cluster shares PostgreSQL.
 */
@ExtendWith(OutputCaptureExtension.class)
class RulesAcrossNodesTest {

    private static final String PLAN_REASON = "Video links need a Business or eCommerce plan (S4).";

    @Test
    void aFirstStartWithABrokenRuleFileStopsWithFileAndLineNotAStackTraceWall(@TempDir Path dir, CapturedOutput output)
            throws IOException {
        Path rules = ShippedRulesFolder.copyTo(dir);
        Files.writeString(rules.resolve("plan.drl"), Files.readString(rules.resolve("plan.drl"))
                .replace("SiteFact( plan not in", "SiteFact( plan nott in"));

        assertThatThrownBy(() -> start(rules, "jdbc:h2:mem:" + UUID.randomUUID(), "first", false))
                .hasRootCauseInstanceOf(RuleSetRejectedException.class);
        assertThat(output.getOut() + output.getErr())
                .contains("APPLICATION FAILED TO START")
                .containsPattern("plan\\.drl:\\d+");
    }

    @Test
    void aFirstStartWithADeletedRuleFileStopsNamingTheScenariosThatNeedIt(@TempDir Path dir) throws IOException {
        Path rules = ShippedRulesFolder.copyTo(dir);
        Files.delete(rules.resolve("disconnect.drl"));

        assertThatThrownBy(() -> start(rules, "jdbc:h2:mem:" + UUID.randomUUID(), "first", false))
                .rootCause().hasMessageContaining("s09-disconnect.yaml");
    }

    @Test
    void aNodeStartsOnTheDatabasesVersionWhenItsFolderFailsAndFollowsVersionsPublishedElsewhere(@TempDir Path dir)
            throws Exception {
        String database = "jdbc:h2:mem:cluster-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Path goodRules = ShippedRulesFolder.copyTo(dir.resolve("a"));
        Path brokenRules = ShippedRulesFolder.copyTo(dir.resolve("b"));
        Files.writeString(brokenRules.resolve("visibility.drl"), "rule \"half a rule\" when");

        try (ConfigurableApplicationContext first = start(goodRules, database, "node-1", false);
             ConfigurableApplicationContext second = start(brokenRules, database, "node-2", false)) {
            RuleReleases firstReleases = first.getBean(RuleReleases.class);
            LinkPolicy secondPolicy = second.getBean(LinkPolicy.class);
            long liveVersion = firstReleases.state().activeVersionId();
            assertThat(secondPolicy.current().version()).isEqualTo(String.valueOf(liveVersion));
            var health = ((HealthIndicator) second.getBean("rules")).health();
            assertThat(health.getStatus().getCode()).isEqualTo("DEGRADED");
            assertThat(health.getDetails().get("lastFailure").toString()).contains("visibility.drl");

            ReleaseAttempt published = firstReleases.attempt(
                    ShippedBundle.withReworded(PLAN_REASON, "Video links need a Business or eCommerce plan (S4), published on node 1."), "test", true);
            assertThat(published.accepted()).isTrue();
            awaitTrue(() -> secondPolicy.current().version().equals(String.valueOf(published.versionId())));
        }
    }

    @Test
    void anEditInTheWatchedFolderGoesLiveAndABrokenEditDoesNot(@TempDir Path dir) throws Exception {
        Path rules = ShippedRulesFolder.copyTo(dir);
        try (ConfigurableApplicationContext node = start(rules, "jdbc:h2:mem:" + UUID.randomUUID(), "watched", true)) {
            LinkPolicy policy = node.getBean(LinkPolicy.class);
            String before = policy.current().version();

            Files.writeString(rules.resolve("plan.drl"), Files.readString(rules.resolve("plan.drl"))
                    .replace(PLAN_REASON, "Video links need a Business or eCommerce plan (S4), edited in the folder."));
            awaitTrue(() -> !policy.current().version().equals(before));
            String edited = policy.current().version();
            var basicSite = new com.videolinks.policy.vocabulary.SessionFacts(
                    new com.videolinks.policy.vocabulary.SiteFact(1, com.videolinks.policy.vocabulary.Plan.FREE, false, true, true, true),
                    RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK.session(), RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK.defaultAccount(),
                    null, null, null);
            assertThat(policy.decide(basicSite, Channel.MY_BOOKINGS).reasons())
                    .containsExactly("Video links need a Business or eCommerce plan (S4), edited in the folder.");

            Files.writeString(rules.resolve("plan.drl"), "rule \"broken\" when SiteFact( then end");
            RuleReleases releases = node.getBean(RuleReleases.class);
            awaitTrue(() -> releases.state().lastFailure() != null);
            assertThat(policy.current().version()).isEqualTo(edited);
            assertThat(String.join("\n", releases.state().lastFailure().problems())).contains("plan.drl");
        }
    }

    private static ConfigurableApplicationContext start(Path rules, String database, String node, boolean watch) {
        return new SpringApplicationBuilder(VideolinksApplication.class)
                .run(
                        "--spring.datasource.url=" + database,
                        "--server.port=0",
                        "--videolinks.rules.folder=" + rules,
                        "--videolinks.rules.watch=" + watch,
                        "--videolinks.rules.debounce=200ms",
                        "--videolinks.rules.follow-interval=200ms",
                        "--camunda.bpm.process-engine-name=" + node,
                        "--camunda.bpm.job-execution.enabled=false",
                        "--spring.jmx.enabled=false");
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(50);
        }
    }
}
