package com.videolinks.policy.gate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleLoopException;
import com.videolinks.policy.RuleProblem;
import com.videolinks.policy.RuleSetRejectedException;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.videolinks.policy.scenario.Check;
import com.videolinks.policy.scenario.LoadedScenarios;
import com.videolinks.policy.scenario.RuleTestSuite;
import com.videolinks.policy.scenario.ScenarioLoader;
import com.videolinks.policy.scenario.ScenarioReport;
import com.videolinks.policy.scenario.SuiteReport;

/**
 * Nothing goes live without passing here: the candidate compiles (executable model, fresh ReleaseId) and then
 * every scenario of its rule-test suites passes against it. A candidate that loops is stopped by the fire limit,
 * one that hangs by the time limit.
 */
public class RuleGate {

    private static final Logger log = LoggerFactory.getLogger(RuleGate.class);

    private final RuleCompiler compiler;
    private final Duration timeLimit;
    /**
     * The last few scenario sets as loaded, by their exact files: an edit of a rule usually leaves the scenario files
     * as they were, and loading them is a tenth of a warm gate (#15). Loaded scenarios are immutable records.
     */
    private final Cache<Map<String, String>, LoadedScenarios> loaded = Caffeine.newBuilder().maximumSize(4).build();
    private final ExecutorService worker = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "rule-gate");
        thread.setDaemon(true);
        return thread;
    });

    public RuleGate(RuleCompiler compiler, Duration timeLimit) {
        this.compiler = compiler;
        this.timeLimit = timeLimit;
    }

    public GateResult check(RuleBundle candidate, String version) {
        long started = System.nanoTime();
        Future<GateResult> run = worker.submit(() -> checkNow(candidate, version, started));
        try {
            return run.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            return rejected(List.of("the gate took longer than " + timeLimit.toSeconds()
                    + " s (compiling and running the scenarios); a rule probably loops"), null, started);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return rejected(List.of("the gate was interrupted"), null, started);
        } catch (ExecutionException e) {
            // the class only: a message may carry whatever the failing code put in it (#11)
            log.error("The rule gate failed on candidate {}", version, e.getCause());
            return rejected(List.of("the gate failed: " + e.getCause().getClass().getSimpleName()
                    + " (details in the service log)"), null, started);
        }
    }

    private GateResult checkNow(RuleBundle candidate, String version, long started) {
        if (candidate.tests().isEmpty()) {
            return rejected(List.of("tests/: no scenario file; every rule change must be checked by a rule-test suite"),
                    null, started);
        }
        CompiledRules compiled;
        try {
            compiled = compiler.compile(candidate.rules(), version);
        } catch (RuleSetRejectedException e) {
            return rejected(e.problems().stream().map(RuleProblem::describe).toList(), null, started);
        }
        SuiteReport suite;
        try {
            suite = RuleTestSuite.run(compiled, loaded.get(Map.copyOf(candidate.tests()), ScenarioLoader::load));
        } catch (RuleLoopException e) {
            return rejected(List.of(e.getMessage()), null, started);
        }
        List<String> problems = new ArrayList<>();
        for (ScenarioReport scenario : suite.scenarios()) {
            if (!scenario.passed()) {
                problems.add(describe(scenario));
            }
        }
        if (!problems.isEmpty() || !suite.allPassed()) {
            if (problems.isEmpty()) {
                problems.add("tests/: the suites hold no scenario");
            }
            return rejected(problems, suite, started);
        }
        return new GateResult(true, compiled, List.of(), suite, millisSince(started));
    }

    private static String describe(ScenarioReport scenario) {
        String why = scenario.error() != null ? scenario.error()
                : String.join("; ", scenario.failedChecks().stream().map(Check::describe).toList());
        return RuleBundle.TESTS_PREFIX + scenario.location() + ": scenario \"" + scenario.name() + "\" failed: " + why;
    }

    private static GateResult rejected(List<String> problems, SuiteReport suite, long started) {
        return new GateResult(false, null, problems, suite, millisSince(started));
    }

    private static long millisSince(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
