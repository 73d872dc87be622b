package com.videolinks.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;
import com.videolinks.policy.reference.PolicyArbitraries;
import com.videolinks.policy.reference.PolicyArbitraries.LinkQuestion;
import com.videolinks.policy.reference.ReferencePolicy;
import com.videolinks.policy.vocabulary.LinkDecision;

/**
 * The questions of {@link LinkDecisionBenchmark}, timed in CPU time of the deciding thread instead of wall-clock: on a
 * machine whose cores other builds share (load average far above the core count), wall-clock throughput mostly
 * measures the waiting for a core, CPU time per decision does not. Drools and the reference alternate in rounds, so
 * their ratio comes from one run.
 *
 * <pre>mvn -Pbench test-compile exec:exec@decision-cpu</pre>
 */
public final class DecisionCpuTime {

    private static final int CASES = 1_024;
    private static final long SEED = 20_250_101L;

    public static void main(String[] args) {
        int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        LinkPolicy drools = new LinkPolicy(new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "bench"));
        ReferencePolicy reference = new ReferencePolicy("bench");
        LinkQuestion[] questions = PolicyArbitraries.sampleLinkQuestions(CASES, SEED).toArray(LinkQuestion[]::new);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        LinkDecision last = null;
        for (int round = 0; round < 6; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound; i++) {
                LinkQuestion question = questions[i & (CASES - 1)];
                last = drools.decide(question.facts(), question.channel());
            }
            long byShape = threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound / 10; i++) {
                LinkQuestion question = questions[i & (CASES - 1)];
                last = drools.decideInEngine(question.facts(), question.channel());
            }
            long engine = threads.getCurrentThreadCpuTime() - start;
            start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < perRound * 10; i++) {
                LinkQuestion question = questions[i & (CASES - 1)];
                last = reference.decide(question.facts(), question.channel());
            }
            long plain = threads.getCurrentThreadCpuTime() - start;
            double shapeNanos = byShape / (double) perRound;
            double engineNanos = engine / (perRound / 10.0);
            double plainNanos = plain / (perRound * 10.0);
            System.out.printf("round %d%s: Drools %,.0f ns CPU per decision (%,.0f/s of CPU; in the engine every time "
                            + "%,.0f ns, %,.0f/s), reference %,.0f ns (%,.0f/s), ratio 1 : %.1f (engine 1 : %.1f)%n",
                    round, round < 2 ? " (warm-up)" : "", shapeNanos, 1e9 / shapeNanos, engineNanos, 1e9 / engineNanos,
                    plainNanos, 1e9 / plainNanos, shapeNanos / plainNanos, engineNanos / plainNanos);
        }
        System.out.println("last decision: " + last.status());
    }

    private DecisionCpuTime() {
    }
}
