package com.videolinks.policy.release;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.NamedInterface;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleProblem;
import com.videolinks.policy.RuleSetRejectedException;
import com.videolinks.policy.gate.GateResult;
import com.videolinks.policy.gate.RuleGate;
import com.videolinks.policy.versions.ActiveVersion;
import com.videolinks.policy.versions.FolderSeen;
import com.videolinks.policy.versions.RuleVersion;
import com.videolinks.policy.versions.RuleVersion.Outcome;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.policy.versions.UnknownVersionException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The only way rules change: folder → gate → database → every node. A bundle is stored, checked by the gate
 * (compile + rule-test suites) and, if it passes, marked active in the database and swapped in atomically.
 * Attempts are serialised; a rejected bundle never touches the live policy.
 */
@NamedInterface("releases")
public class RuleReleases {

    private static final Logger log = LoggerFactory.getLogger(RuleReleases.class);

    /** What is live on this node and what happened last, for health and the API. */
    @NamedInterface("releases")
    public record State(long activeVersionId, String activeHash, ReleaseAttempt lastAttempt, ReleaseAttempt lastFailure) {
    }

    private final RuleVersions versions;
    private final RuleGate gate;
    private final RuleCompiler compiler;
    private final AtomicReference<State> state = new AtomicReference<>();
    private final CompletableFuture<Void> starting = new CompletableFuture<>();
    private final Counter attempted;
    private final Counter published;
    private final Counter rejected;
    private final Timer gateTimer;
    private LinkPolicy policy;
    /** The last stored version this node refused to load, so following does not retry it for ever. */
    private long refusedVersionId = -1;

    public RuleReleases(RuleVersions versions, RuleGate gate, RuleCompiler compiler, MeterRegistry meters) {
        this.versions = versions;
        this.gate = gate;
        this.compiler = compiler;
        this.attempted = Counter.builder("videolinks.rules.reloads").tag("outcome", "attempted")
                .description("rule bundles submitted to the gate").register(meters);
        this.published = Counter.builder("videolinks.rules.reloads").tag("outcome", "published").register(meters);
        this.rejected = Counter.builder("videolinks.rules.reloads").tag("outcome", "rejected").register(meters);
        this.gateTimer = Timer.builder("videolinks.rules.gate").description("compile + rule-test suites of a candidate")
                .register(meters);
    }

    /**
     * Start-up: the database's active version is the source of truth (docs/adr-007-rules-source-of-truth.md). The
     * folder is offered to the gate only when it changed since the service last saw it, so a version published over
     * HTTP survives a restart on the unchanged folder; without an active version the folder must pass the gate, or
     * the service does not start. The compiling runs on its own thread while the rest of the service starts; the
     * returned policy answers once it is done and {@link #awaitStarted()} reports a failure.
     */
    public synchronized LinkPolicy start(Path folder, String node) {
        policy = LinkPolicy.awaitingFirstVersion();
        Path where = folder.toAbsolutePath().normalize();
        String by = "start-up of " + node + ": rules folder " + where;
        Optional<ActiveVersion> active = versions.active();
        if (active.isEmpty()) {
            // the first start stops right here when the folder fails: before the web server and Camunda's webapp
            // (whose filters keep the failed context in a static field) exist
            startFromFolder(folder, by + " (first start: no active version)");
            starting.complete(null);
            return policy;
        }
        Thread thread = new Thread(() -> {
            try {
                startOn(active.get(), folder, by);
                starting.complete(null);
            } catch (RuntimeException e) {
                policy.firstVersionFailed(e);
                starting.completeExceptionally(e);
            }
        }, "rules-start");
        thread.setDaemon(true);
        thread.start();
        return policy;
    }

    /** Waits for the start-up's first version; throws what stopped it (a rejected first folder, an unreadable version). */
    public void awaitStarted() {
        try {
            starting.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the link policy could not start: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void startFromFolder(Path folder, String by) {
        RuleBundle bundle = RuleBundle.read(folder);
        ReleaseAttempt attempt = attempt(bundle, by, true);
        versions.recordFolderSeen(bundle.hash(), by);
        if (!attempt.accepted()) {
            throw new RuleSetRejectedException(attempt.problems().stream()
                    .map(problem -> new RuleProblem("rules", 0, 0, problem)).toList());
        }
    }

    private synchronized void startOn(ActiveVersion live, Path folder, String by) {
        RuleBundle stored = versions.bundle(live.versionId());
        CompiledRules storedRules;
        try {
            storedRules = compiler.compile(stored.rules(), String.valueOf(live.versionId()));
        } catch (RuleSetRejectedException e) {
            // a stored version is checked like any other: one the content policy refuses never runs (#11)
            refusedVersionId = live.versionId();
            log.error("The active link policy version {} in the database is refused and will not run; "
                    + "the rules folder {} must pass the gate instead. Problems:\n  {}", live.versionId(),
                    folder, String.join("\n  ", e.problems().stream().map(RuleProblem::describe).toList()));
            startFromFolder(folder, by + " (the active version " + live.versionId() + " is refused)");
            return;
        }
        startOn(live, stored, storedRules, folder, by);
    }

    /** The stored version compiles; whether the folder is offered decides whether its build or the folder's goes live. */
    private void startOn(ActiveVersion live, RuleBundle stored, CompiledRules storedRules, Path folder, String by) {
        RuleBundle folderBundle;
        try {
            folderBundle = RuleBundle.read(folder);
        } catch (RuleSetRejectedException e) {
            // unreadable files: it cannot be the version that is live, so the operator hears of it at every start
            swap(storedRules, live.versionId(), stored.hash());
            recordFailure(new ReleaseAttempt(null, Outcome.REJECTED, false,
                    e.problems().stream().map(RuleProblem::describe).toList(), 0, 0, null, 0, List.of()), by);
            return;
        }
        String folderHash = folderBundle.hash();
        Optional<FolderSeen> seen = versions.folderSeen();
        if (folderHash.equals(stored.hash())) {
            swap(storedRules, live.versionId(), stored.hash());
            if (seen.isEmpty() || !seen.get().hash().equals(folderHash)) {
                versions.recordFolderSeen(folderHash, by);
            }
            log.info("Link policy version {} loaded from the database (activated {} by {}); the rules folder holds "
                    + "the same files", live.versionId(), live.changedAt(), live.changedBy());
            return;
        }
        boolean unchanged = seen.map(s -> s.hash().equals(folderHash))
                // before the first sighting was recorded (an upgraded database): a folder the service once took
                // in is not new; what was published after it stays
                .orElseGet(() -> versions.everAttempted(folderHash));
        if (unchanged) {
            swap(storedRules, live.versionId(), stored.hash());
            if (seen.isEmpty()) {
                versions.recordFolderSeen(folderHash, by + " (first record)");
            }
            log.info("Link policy version {} loaded from the database (activated {} by {}). The rules folder ({}) "
                            + "differs from it but has not changed since it was last seen ({}), so it is not offered "
                            + "again: the database's version stays live. Edit a file or POST /api/rules/reload to offer "
                            + "the folder (docs/adr-007-rules-source-of-truth.md).",
                    live.versionId(), live.changedAt(), live.changedBy(), folderHash.substring(0, 12),
                    seen.map(s -> s.seenAt() + " by " + s.seenBy()).orElse("in the version history"));
            return;
        }
        log.info("The rules folder changed since the service last saw it ({} -> {}, last seen {}); offering it to the "
                        + "gate instead of live version {} (activated {} by {})",
                seen.map(s -> s.hash().substring(0, 12)).orElse("never"), folderHash.substring(0, 12),
                seen.map(s -> s.seenAt() + " by " + s.seenBy()).orElse("never"), live.versionId(), live.changedAt(),
                live.changedBy());
        // the candidate compiles once: if it passes, that build goes live; only if not is the stored version compiled
        ReleaseAttempt attempt = attempt(folderBundle, by + " (changed since last seen)", true);
        versions.recordFolderSeen(folderHash, by);
        if (!attempt.accepted()) {
            swap(storedRules, live.versionId(), stored.hash());
            log.info("Link policy version {} loaded from the database (activated {} by {})", live.versionId(),
                    live.changedAt(), live.changedBy());
        }
    }

    /** Reads the folder and offers it to the gate; a folder identical to the live version changes nothing. */
    public ReleaseAttempt offerFolder(Path folder, String triggeredBy) {
        RuleBundle bundle;
        try {
            bundle = RuleBundle.read(folder);
        } catch (RuleSetRejectedException e) {
            ReleaseAttempt failure = new ReleaseAttempt(null, Outcome.REJECTED, false,
                    e.problems().stream().map(RuleProblem::describe).toList(), 0, 0, null, 0, List.of());
            recordFailure(failure, triggeredBy);
            return failure;
        }
        ReleaseAttempt attempt = attempt(bundle, triggeredBy, true);
        versions.recordFolderSeen(bundle.hash(), triggeredBy);
        return attempt;
    }

    /** Checks a bundle and, when {@code publish} and it passes, makes it the active version on every node. */
    public synchronized ReleaseAttempt attempt(RuleBundle bundle, String triggeredBy, boolean publish) {
        State live = state.get();
        String hash = bundle.hash();
        if (publish && live != null && hash.equals(live.activeHash())) {
            return new ReleaseAttempt(live.activeVersionId(), Outcome.PUBLISHED, true, List.of(), 0, 0, null, 0,
                    List.of());
        }
        attempted.increment();
        long id = versions.begin(bundle, triggeredBy);
        GateResult result = gateTimer.record(() -> gate.check(bundle, String.valueOf(id)));
        var suite = result.suite();
        String coverage = suite == null ? null : suite.coverage().rulesFired() + "/" + suite.coverage().rulesTotal();
        Outcome outcome = !result.passed() ? Outcome.REJECTED : publish ? Outcome.PUBLISHED : Outcome.VALIDATED;
        versions.finish(id, outcome, result.problems(), result.millis(), coverage);
        ReleaseAttempt attempt = new ReleaseAttempt(id, outcome, false, result.problems(),
                suite == null ? 0 : suite.passed(), suite == null ? 0 : suite.failed(),
                suite == null ? null : suite.coverage(), result.millis(), result.compiled() == null ? List.of()
                        : result.compiled().nameReads().stream().map(RuleProblem::describe).toList());
        if (!result.passed()) {
            rejected.increment();
            recordFailure(attempt, triggeredBy);
            return attempt;
        }
        if (publish) {
            versions.activate(id, triggeredBy);
            swap(result.compiled(), id, hash);
            published.increment();
            log.info("Link policy version {} is live ({} from {}; gate {} ms, {} scenarios passed, coverage {})",
                    id, hash.substring(0, 12), triggeredBy, result.millis(), attempt.scenariosPassed(), coverage);
        }
        state.updateAndGet(s -> s == null ? null : new State(s.activeVersionId(), s.activeHash(), attempt, s.lastFailure()));
        return attempt;
    }

    /** Publishes an earlier version's files again; it must still pass today's gate. */
    public ReleaseAttempt rollback(long versionId, String by) {
        RuleVersion target = versions.find(versionId)
                .orElseThrow(() -> new UnknownVersionException(versionId));
        return attempt(versions.bundle(target.id()), "rollback to version " + versionId + " by " + by, true);
    }

    /**
     * Follows the database: when another node activated a different version, load it (it passed the gate there).
     * Returns true when this node switched.
     */
    public synchronized boolean follow() {
        ActiveVersion active = versions.active().orElse(null);
        State live = state.get();
        if (active == null || live == null || active.versionId() == live.activeVersionId()
                || active.versionId() == refusedVersionId) {
            return false;
        }
        try {
            loadStored(active.versionId(), versions.bundle(active.versionId()));
        } catch (RuleSetRejectedException e) {
            // said once per version: the follower asks again every few seconds
            refusedVersionId = active.versionId();
            log.error("Link policy version {} activated by {} is refused here and will not run; version {} stays "
                    + "live. Problems:\n  {}", active.versionId(), active.changedBy(), live.activeVersionId(),
                    String.join("\n  ", e.problems().stream().map(RuleProblem::describe).toList()));
            return false;
        }
        log.info("Link policy version {} activated by {} on another node is now live here", active.versionId(),
                active.changedBy());
        return true;
    }

    public State state() {
        return state.get();
    }

    public LinkPolicy policy() {
        return policy;
    }

    /** Makes a stored version live without the gate: it passed the gate when it was published. */
    private void loadStored(long versionId, RuleBundle bundle) {
        swap(compiler.compile(bundle.rules(), String.valueOf(versionId)), versionId, bundle.hash());
    }

    private void swap(CompiledRules rules, long versionId, String hash) {
        if (policy == null) {
            policy = new LinkPolicy(rules);
        } else {
            policy.publish(rules);
        }
        setLive(versionId, hash);
    }

    private void setLive(long versionId, String hash) {
        state.updateAndGet(s -> new State(versionId, hash, s == null ? null : s.lastAttempt(),
                s == null ? null : s.lastFailure()));
    }

    private void recordFailure(ReleaseAttempt failure, String triggeredBy) {
        log.error("Rules from {} REJECTED; {} stays live. Problems:\n  {}", triggeredBy,
                state.get() == null ? "the database's active version, if any," : "version " + state.get().activeVersionId(),
                String.join("\n  ", failure.problems()));
        state.updateAndGet(s -> s == null ? new State(0, "", failure, failure)
                : new State(s.activeVersionId(), s.activeHash(), failure, failure));
    }
}
