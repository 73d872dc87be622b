package com.videolinks.policy;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.ToDoubleFunction;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live link policy. Every question is answered by exactly one compiled version: a question reads the
 * reference once, so a swap never mixes two versions in one decision.
 */
public class LinkPolicy {

    /**
     * The live rules with the counter of the decisions they made (null until metrics are bound) and their answers by
     * shape (null when the rules read names: then every question is asked of the engine).
     */
    private record Live(CompiledRules rules, Counter decisions, ShapeAnswers shapes) {

        Live(CompiledRules rules, Counter decisions) {
            this(rules, decisions, rules.decidesByShape() ? new ShapeAnswers() : null);
        }

        Live counted(Counter counter) {
            return new Live(rules, counter, shapes);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(LinkPolicy.class);

    /** Sessions per evaluation when many are asked at once; conclusions grow with it, joins are indexed. */
    static final int BATCH = 100;
    private static final Set<Channel> ALL_CHANNELS = EnumSet.allOf(Channel.class);

    private final AtomicReference<Live> live = new AtomicReference<>();
    /** Completed by the first {@link #publish}: questions asked while the first version compiles wait for it. */
    private final CompletableFuture<Live> first = new CompletableFuture<>();
    private volatile MeterRegistry meters;

    public LinkPolicy(CompiledRules initial) {
        publish(initial);
    }

    private LinkPolicy() {
    }

    /**
     * A policy whose first version is still being compiled (at start-up, while the rest of the service starts):
     * questions wait for {@link #publish}, or fail as {@link #firstVersionFailed} says.
     */
    public static LinkPolicy awaitingFirstVersion() {
        return new LinkPolicy();
    }

    /** The first version could not be made live: every waiting and later question fails with this. */
    public void firstVersionFailed(RuntimeException cause) {
        first.completeExceptionally(cause);
    }

    /** Counts decisions per rule version ({@code videolinks.rules.decisions}) and exposes metaspace used. */
    public void bindMetrics(MeterRegistry registry) {
        this.meters = registry;
        Gauge.builder("videolinks.rules.metaspace.used", LinkPolicy::metaspaceUsed).baseUnit("bytes")
                .description("metaspace in use; every rule rebuild adds generated classes").register(registry);
        Gauge.builder("videolinks.rules.shapes.kept", this, policy -> policy.shapes(ShapeAnswers::kept))
                .description("link question shapes the live version has answered and keeps (ADR 017)")
                .register(registry);
        Gauge.builder("videolinks.rules.shapes.answered", this, policy -> policy.shapes(ShapeAnswers::answeredByShape))
                .description("share of the live version's link decisions answered by a shape it had answered before "
                        + "(ADR 017)").register(registry);
        // a version published before the registry was bound gets its counter now; a later one registers its own
        live.updateAndGet(now -> now == null || now.decisions() != null ? now
                : now.counted(decisionCounter(registry, now.rules())));
    }

    /** What this session shows on this channel, and why (S4, S5, S9–S11, S17–S22). */
    public LinkDecision decide(SessionFacts facts, Channel channel) {
        Live now = live();
        if (now.decisions() != null) {
            now.decisions().increment();
        }
        if (now.shapes() == null) {
            return askEngine(now.rules(), facts, channel);
        }
        return now.shapes().decide(facts, channel, shaped -> askEngine(now.rules(), shaped, channel));
    }

    /** {@link #decide} without answers by shape: the engine evaluates this very question. */
    public LinkDecision decideInEngine(SessionFacts facts, Channel channel) {
        return askEngine(live().rules(), facts, channel);
    }

    private static LinkDecision askEngine(CompiledRules rules, SessionFacts facts, Channel channel) {
        return Decisions.link(facts.session().sessionId(), channel, rules.evaluate(Questions.link(facts, channel)),
                rules.version());
    }

    /**
     * Everything about one session in one evaluation: what every channel shows (S4, S5, S9–S11, S17–S22) and whether
     * it needs a Zoom meeting (S5, S10, S17).
     */
    public SessionView view(SessionFacts facts) {
        return views(List.of(facts)).get(facts.session().sessionId());
    }

    /**
     * {@link #view} for many sessions: the sessions of one site (same site and default account) are evaluated
     * together, up to {@value #BATCH} at a time, each fact inserted once. Keyed by session id, in the order given;
     * a session given twice is evaluated once.
     */
    public Map<Long, SessionView> views(Collection<SessionFacts> sessions) {
        Live now = live.get();
        Map<Long, SessionView> views = new LinkedHashMap<>(sessions.size() * 2);
        for (List<SessionFacts> batch : batches(sessions)) {
            List<Long> ids = batch.stream().map(facts -> facts.session().sessionId()).toList();
            views.putAll(Decisions.views(ids, ALL_CHANNELS,
                    now.rules().evaluate(Questions.views(batch, ALL_CHANNELS)), now.rules().version()));
            if (now.decisions() != null) {
                now.decisions().increment((double) ids.size() * ALL_CHANNELS.size());
            }
        }
        return views;
    }

    /** Sessions that share their site facts, {@value #BATCH} at most per evaluation; duplicates dropped. */
    private static List<List<SessionFacts>> batches(Collection<SessionFacts> sessions) {
        Map<List<Object>, Map<Long, SessionFacts>> bySite = new LinkedHashMap<>();
        for (SessionFacts facts : sessions) {
            List<Object> site = java.util.Arrays.asList(facts.site(), facts.defaultAccount());
            bySite.computeIfAbsent(site, key -> new LinkedHashMap<>()).putIfAbsent(facts.session().sessionId(), facts);
        }
        List<List<SessionFacts>> batches = new ArrayList<>();
        for (Map<Long, SessionFacts> ofSite : bySite.values()) {
            List<SessionFacts> all = new ArrayList<>(ofSite.values());
            for (int from = 0; from < all.size(); from += BATCH) {
                batches.add(all.subList(from, Math.min(all.size(), from + BATCH)));
            }
        }
        return batches;
    }

    /** Whether a staff member's own account may be connected now (S4, S13–S15). */
    public ConnectDecision mayConnectStaffAccount(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) {
        CompiledRules rules = live().rules();
        return Decisions.connect(rules.evaluate(Questions.staffConnect(site, defaultAccount, request)), rules.version());
    }

    public CompiledRules current() {
        return live().rules();
    }

    /** Makes {@code next} the live version for every question that starts after this call. */
    public void publish(CompiledRules next) {
        MeterRegistry registry = meters;
        Live published = new Live(Objects.requireNonNull(next), registry == null ? null : decisionCounter(registry, next));
        if (!next.decidesByShape()) {
            log.info("Rule version {} reads an id or a link other than by equality ({}), so each link question is "
                    + "asked of the engine, none is answered by its shape", next.version(),
                    next.nameReads().get(0).describe());
        }
        live.set(published);
        first.complete(published);
    }

    /** A figure of the live version's answers by shape; 0 while none is live or it asks the engine everything. */
    private double shapes(ToDoubleFunction<ShapeAnswers> figure) {
        Live now = live.get();
        return now == null || now.shapes() == null ? 0 : figure.applyAsDouble(now.shapes());
    }

    private Live live() {
        Live now = live.get();
        return now != null ? now : awaitFirst();
    }

    private Live awaitFirst() {
        try {
            return first.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }

    private static Counter decisionCounter(MeterRegistry registry, CompiledRules rules) {
        return Counter.builder("videolinks.rules.decisions").tag("version", rules.version())
                .description("link decisions made per rule version").register(registry);
    }

    private static double metaspaceUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getName().equals("Metaspace"))
                .mapToLong(pool -> pool.getUsage().getUsed()).sum();
    }
}
