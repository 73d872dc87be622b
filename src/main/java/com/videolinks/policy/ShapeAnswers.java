package com.videolinks.policy;

import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.stats.CacheStats;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionFacts;

/**
 * One rule version's answers to link questions by shape (docs/adr-017-decisions-by-shape.md): the engine answers a
 * shape once, every question of that shape gets that answer with its own names. Only for a version whose rules compare
 * names for equality and nothing else ({@link CompiledRules#decidesByShape()}); a new version starts empty. One
 * answer by shape in {@value #VERIFY_EVERY} (drawn at random) is also asked of the engine as the question stands: should the two ever
 * differ, the engine's answer is given, the difference logged, and from then on this version asks the engine every
 * question.
 */
final class ShapeAnswers {

    private static final Logger log = LoggerFactory.getLogger(ShapeAnswers.class);

    /** A check costs one engine evaluation (~10 µs): one in this many answers by shape adds ~10 ns to each. */
    static final int VERIFY_EVERY = 1_024;

    /** Shapes differ in plan, flags, roles, providers, kinds and which names are equal: a site has a handful. */
    static final int MAX_SHAPES = 4_096;

    /** The key: the shaped facts and the channel, hashed once (a lookup and a put would each hash the facts again). */
    private record Shaped(SessionFacts facts, Channel channel, int hash) {

        Shaped(SessionFacts facts, Channel channel) {
            this(facts, channel, 31 * facts.hashCode() + channel.hashCode());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Shaped that && hash == that.hash && channel == that.channel
                    && facts.equals(that.facts);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    // maintenance (eviction, statistics) on the deciding thread: no hand-off to another thread per new shape
    private final Cache<Shaped, LinkDecision> answers = Caffeine.newBuilder().maximumSize(MAX_SHAPES)
            .executor(Runnable::run).recordStats().build();
    private final int verifyEvery;
    private volatile boolean off;

    ShapeAnswers() {
        this(VERIFY_EVERY);
    }

    ShapeAnswers(int verifyEvery) {
        this.verifyEvery = verifyEvery;
    }

    /** The answer to the question, from its shape's answer; {@code engine} answers what is asked the first time. */
    LinkDecision decide(SessionFacts facts, Channel channel, Function<SessionFacts, LinkDecision> engine) {
        if (off) {
            return engine.apply(facts);
        }
        QuestionShape shape = QuestionShape.of(facts);
        Shaped key = new Shaped(shape.facts(), channel);
        LinkDecision shaped = answers.getIfPresent(key);
        if (shaped == null) {
            shaped = engine.apply(shape.facts());
            LinkDecision named = shape.namedBack(shaped, facts.session().sessionId());
            if (named == null) {
                // the rules made a link up instead of handing one on: not a shape's answer, asked as it is
                return engine.apply(facts);
            }
            answers.put(key, shaped);
            return named;
        }
        LinkDecision named = shape.namedBack(shaped, facts.session().sessionId());
        // drawn, not counted: no counter shared by every deciding thread
        if (ThreadLocalRandom.current().nextInt(verifyEvery) == 0) {
            LinkDecision asked = engine.apply(facts);
            if (!asked.equals(named)) {
                off = true;
                // statuses and rules, not links: a log line carries no meeting URL
                log.error("Rule version {}: the answer by shape for session {} on {} differs from the engine's (by "
                        + "shape {} {}, engine {} {}); this version now asks the engine every link question "
                        + "(docs/adr-017)", asked.ruleVersion(), facts.session().sessionId(), channel, named.status(),
                        named.rules(), asked.status(), asked.rules());
                return asked;
            }
        }
        return named;
    }

    /** Whether a check found an answer by shape that differed from the engine's: then every question is asked. */
    boolean off() {
        return off;
    }

    /** How many shapes' answers are kept. */
    long kept() {
        return answers.estimatedSize();
    }

    /** The share of questions answered by a shape answered before (0 while none was asked). */
    double answeredByShape() {
        CacheStats stats = answers.stats();
        return stats.requestCount() == 0 ? 0 : stats.hitRate();
    }
}
