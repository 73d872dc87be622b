package com.videolinks.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RulesFolder;
import com.videolinks.policy.reference.PolicyArbitraries;
import com.videolinks.policy.reference.PolicyArbitraries.ConnectQuestion;
import com.videolinks.policy.reference.PolicyArbitraries.LinkQuestion;
import com.videolinks.policy.reference.ReferencePolicy;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.LinkDecision;

/**
 * Decisions per second on one thread: the shipped rules in Drools against the plain-Java reference, cycling
 * through a fixed, varied set of questions so neither side sees the same input twice in a row.
 * {@code droolsLinkDecision} is the service's path (answers by shape, ADR 017); {@code …FreshNames} asks every question
 * under names never asked before (both sides pay for renaming); {@code droolsLinkDecisionInEngine} evaluates every
 * question in Drools;
 * {@code …NewShapes} cycles through {@value #MANY_CASES} questions, far more shapes than a version keeps, so nearly
 * every question is a shape not answered yet: the worst case, the engine plus the renaming.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class LinkDecisionBenchmark {

    /** A power of two, so the cursor wraps with a mask instead of a division. */
    private static final int CASES = 1_024;
    private static final long SEED = 20_250_101L;
    /** Also a power of two; 16 times the shapes a version keeps ({@code ShapeAnswers.MAX_SHAPES}). */
    private static final int MANY_CASES = 65_536;

    private LinkPolicy drools;
    private ReferencePolicy reference;
    private LinkQuestion[] links;
    private LinkQuestion[] manyLinks;
    private int nextOfMany;
    private ConnectQuestion[] connects;
    private int next;
    private long salt;

    @Setup(Level.Trial)
    public void compileRulesAndDrawQuestions() {
        // run from the project folder (exec:exec does), where the shipped rules live
        drools = new LinkPolicy(new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "bench"));
        reference = new ReferencePolicy("bench");
        links = PolicyArbitraries.sampleLinkQuestions(CASES, SEED).toArray(LinkQuestion[]::new);
        connects = PolicyArbitraries.sampleConnectQuestions(CASES, SEED).toArray(ConnectQuestion[]::new);
        manyLinks = PolicyArbitraries.sampleLinkQuestions(MANY_CASES, SEED + 1).toArray(LinkQuestion[]::new);
        for (LinkQuestion question : List.of(links)) {
            // a benchmark of two policies that disagree would compare nothing
            LinkDecision engine = drools.decide(question.facts(), question.channel());
            LinkDecision plain = reference.decide(question.facts(), question.channel());
            if (engine.status() != plain.status() || !Objects.equals(engine.link(), plain.link())) {
                throw new IllegalStateException("Drools and the reference disagree on " + question);
            }
        }
    }

    @Benchmark
    public LinkDecision droolsLinkDecision() {
        LinkQuestion question = links[next++ & (CASES - 1)];
        return drools.decide(question.facts(), question.channel());
    }

    @Benchmark
    public LinkDecision droolsLinkDecisionInEngine() {
        LinkQuestion question = links[next++ & (CASES - 1)];
        return drools.decideInEngine(question.facts(), question.channel());
    }

    @Benchmark
    public LinkDecision droolsLinkDecisionFreshNames() {
        LinkQuestion question = links[next++ & (CASES - 1)];
        return drools.decide(PolicyArbitraries.namedApart(question.facts(), ++salt * 1_000), question.channel());
    }

    @Benchmark
    public LinkDecision droolsLinkDecisionNewShapes() {
        LinkQuestion question = manyLinks[nextOfMany++ & (MANY_CASES - 1)];
        return drools.decide(question.facts(), question.channel());
    }

    @Benchmark
    public LinkDecision droolsLinkDecisionNewShapesInEngine() {
        LinkQuestion question = manyLinks[nextOfMany++ & (MANY_CASES - 1)];
        return drools.decideInEngine(question.facts(), question.channel());
    }

    @Benchmark
    public LinkDecision referenceLinkDecisionNewShapes() {
        LinkQuestion question = manyLinks[nextOfMany++ & (MANY_CASES - 1)];
        return reference.decide(question.facts(), question.channel());
    }

    @Benchmark
    public LinkDecision referenceLinkDecisionFreshNames() {
        LinkQuestion question = links[next++ & (CASES - 1)];
        return reference.decide(PolicyArbitraries.namedApart(question.facts(), ++salt * 1_000), question.channel());
    }

    @Benchmark
    public LinkDecision referenceLinkDecision() {
        LinkQuestion question = links[next++ & (CASES - 1)];
        return reference.decide(question.facts(), question.channel());
    }

    @Benchmark
    public ConnectDecision droolsConnectDecision() {
        ConnectQuestion question = connects[next++ & (CASES - 1)];
        return drools.mayConnectStaffAccount(question.site(), question.defaultAccount(), question.request());
    }

    @Benchmark
    public ConnectDecision referenceConnectDecision() {
        ConnectQuestion question = connects[next++ & (CASES - 1)];
        return reference.mayConnectStaffAccount(question.site(), question.defaultAccount(), question.request());
    }
}
