package com.videolinks.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;
import com.videolinks.policy.reference.PolicyArbitraries;
import com.videolinks.policy.reference.PolicyArbitraries.LinkQuestion;
import com.videolinks.policy.reference.ReferencePolicy;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;

/**
 * #13: everything about a session from one evaluation (four channels + the Zoom meeting) against four separate
 * evaluations, and My Bookings' batch of 50 sessions of one site in one evaluation, in link decisions per second
 * (a session's view is four: one per channel), with the plain-Java reference as the ceiling.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class SessionViewBenchmark {

    private static final int CASES = 1_024;
    private static final int BATCHES = 64;
    private static final int BATCH = 50;
    private static final long SEED = 20_261_201L;
    private static final Channel[] CHANNELS = Channel.values();

    private LinkPolicy drools;
    private ReferencePolicy reference;
    private SessionFacts[] sessions;
    private List<List<SessionFacts>> batches;
    private int next;

    @Setup(Level.Trial)
    public void compileRulesAndDrawSessions() {
        drools = new LinkPolicy(new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "bench"));
        reference = new ReferencePolicy("bench");
        sessions = PolicyArbitraries.sampleLinkQuestions(CASES, SEED).stream().map(LinkQuestion::facts)
                .toArray(SessionFacts[]::new);
        batches = new ArrayList<>(PolicyArbitraries.sampleSiteBatches(BATCHES, BATCH, SEED));
        for (List<SessionFacts> batch : batches) {
            Map<Long, SessionView> views = drools.views(batch);
            for (SessionFacts facts : batch) {
                SessionView engine = views.get(facts.session().sessionId());
                SessionView plain = reference.view(facts);
                for (Channel channel : CHANNELS) {
                    if (engine.on(channel).status() != plain.on(channel).status()
                            || engine.meeting().need() != plain.meeting().need()) {
                        throw new IllegalStateException("Drools and the reference disagree on " + facts);
                    }
                }
            }
        }
    }

    /** One evaluation: four channels and the meeting. Score x 4 = link decisions/s. */
    @Benchmark
    public SessionView droolsOneEvaluationForAllChannels() {
        return drools.view(sessions[next++ & (CASES - 1)]);
    }

    /** Today's way before #13: one evaluation per channel (and a fifth for the meeting). Score x 4 = decisions/s. */
    @Benchmark
    public void droolsFourSeparateEvaluations(Blackhole hole) {
        SessionFacts facts = sessions[next++ & (CASES - 1)];
        for (Channel channel : CHANNELS) {
            hole.consume(drools.decide(facts, channel));
        }
    }

    @Benchmark
    public SessionView referenceAllChannels() {
        return reference.view(sessions[next++ & (CASES - 1)]);
    }

    /** My Bookings of 50 sessions of one site in one evaluation; the score is link decisions per second. */
    @Benchmark
    @OperationsPerInvocation(BATCH * 4)
    public Map<Long, SessionView> droolsBatchOf50() {
        return drools.views(batches.get(next++ & (BATCHES - 1)));
    }

    @Benchmark
    @OperationsPerInvocation(BATCH * 4)
    public void referenceBatchOf50(Blackhole hole) {
        for (SessionFacts facts : batches.get(next++ & (BATCHES - 1))) {
            hole.consume(reference.view(facts));
        }
    }
}
