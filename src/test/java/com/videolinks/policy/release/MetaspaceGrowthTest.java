package com.videolinks.policy.release;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkStatus;

/**
 * #3: 200 rebuilds of the shipped rules in one JVM, each swapped in and used, keep metaspace bounded: old KieBases
 * and their generated classes are collectable once swapped out. The ceiling is generous (ENGINES.md measured
 * ~50–60 KB per rebuild of a toy set); the figure per rebuild is printed for the closing note.
 */
class MetaspaceGrowthTest {

    private static final int REBUILDS = 200;
    private static final long CEILING_BYTES = 150L * 1024 * 1024;

    @Test
    void twoHundredRebuildsKeepMetaspaceGrowthBounded() {
        RuleCompiler compiler = new RuleCompiler();
        RuleSet rules = ShippedBundle.read().rules();
        LinkPolicy policy = new LinkPolicy(compiler.compile(rules, "warm-up"));
        System.gc();
        long before = metaspaceUsed();
        for (int i = 0; i < REBUILDS; i++) {
            CompiledRules next = compiler.compile(rules, "rebuild-" + i);
            policy.publish(next);
            assertThat(policy.decide(RuleGateRejectsTest.CLASS_ON_DEFAULT_LINK, Channel.MY_BOOKINGS).status())
                    .isEqualTo(LinkStatus.SHOWN);
        }
        System.gc();
        long growth = metaspaceUsed() - before;
        System.out.printf("metaspace growth after %d rebuilds: %.1f MB (%.1f KB per rebuild)%n",
                REBUILDS, growth / 1048576.0, growth / 1024.0 / REBUILDS);
        assertThat(growth).isLessThan(CEILING_BYTES);
    }

    private static long metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getName().equals("Metaspace"))
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }
}
