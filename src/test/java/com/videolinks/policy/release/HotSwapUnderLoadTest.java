package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;

/**
 * #3: 8 threads resolve links without pause while the live rules flip between two valid versions (at least 100
 * times, and until 2,000 decisions were made).
 * No request fails, and every decision is entirely one version's: its reasons match the version it names.
 */
class HotSwapUnderLoadTest {

    private static final String PLAN_REASON = "Video links need a Business or eCommerce plan (S4).";
    private static final String REWORDED = "Premium plans only (S4), version B.";
    private static final String SELECTION_REASON = "No more specific link applies, so the site's default account serves the session (S2, S10).";
    private static final String SELECTION_REWORDED = "The default account serves the session, version B.";

    @Test
    void decisionsNeverFailAndNeverMixTwoVersionsWhileRulesFlip() throws Exception {
        RuleCompiler compiler = new RuleCompiler();
        CompiledRules a = compiler.compile(ShippedBundle.read().rules(), "A");
        CompiledRules b = compiler.compile(reworded(), "B");
        LinkPolicy policy = new LinkPolicy(a);

        SessionFacts premium = RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK;
        SessionFacts basic = new SessionFacts(new SiteFact(1, Plan.BASIC, false, true, true, true),
                premium.session(), premium.defaultAccount(), null, null, null);
        Map<String, String> expectedPlanReason = Map.of("A", PLAN_REASON, "B", REWORDED);
        Map<String, String> expectedSelectionReason = Map.of("A", SELECTION_REASON, "B", SELECTION_REWORDED);

        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong decisions = new AtomicLong();
        List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        Map<String, AtomicLong> perVersion = new ConcurrentHashMap<>();
        CountDownLatch started = new CountDownLatch(8);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean usePremium = t % 2 == 0;
            Thread thread = new Thread(() -> {
                started.countDown();
                while (running.get()) {
                    try {
                        LinkDecision decision = policy.decide(usePremium ? premium : basic, Channel.MY_BOOKINGS);
                        String version = decision.ruleVersion();
                        perVersion.computeIfAbsent(version, v -> new AtomicLong()).incrementAndGet();
                        if (usePremium) {
                            assertThat(decision.status()).isEqualTo(LinkStatus.SHOWN);
                            assertThat(decision.reasons()).containsExactly(expectedSelectionReason.get(version));
                        } else {
                            assertThat(decision.status()).isEqualTo(LinkStatus.NONE);
                            assertThat(decision.reasons()).containsExactly(expectedPlanReason.get(version));
                        }
                        decisions.incrementAndGet();
                    } catch (Throwable e) {
                        failures.add(e);
                        running.set(false);
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        started.await();
        // at least 100 flips, and on until 2,000 decisions were made while flipping: how fast is not the question, so
        // a crowded machine only makes it run longer (up to 2 minutes), never fail
        int flips = 0;
        long giveUp = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(2);
        while (failures.isEmpty() && (flips < 100 || decisions.get() < 2_000) && System.nanoTime() < giveUp) {
            policy.publish(flips % 2 == 0 ? b : a);
            flips++;
            Thread.sleep(5);
        }
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }

        assertThat(failures).isEmpty();
        assertThat(perVersion.keySet()).containsExactlyInAnyOrder("A", "B");
        assertThat(decisions.get()).as("decisions made while the rules flipped").isGreaterThanOrEqualTo(2_000);
    }

    private static com.videolinks.policy.RuleSet reworded() {
        return ShippedBundle.withReworded(PLAN_REASON, REWORDED).rules().files().stream()
                .map(f -> new com.videolinks.policy.RuleFile(f.name(), f.content().replace(SELECTION_REASON, SELECTION_REWORDED)))
                .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(),
                        com.videolinks.policy.RuleSet::new));
    }
}
