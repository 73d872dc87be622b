package com.videolinks.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.content.RuleContentPolicy;
import com.videolinks.policy.scenario.LoadedScenarios;
import com.videolinks.policy.scenario.RuleTestSuite;
import com.videolinks.policy.scenario.ScenarioLoader;

/** Where a warm gate's time goes, step by step, on the shipped rules (#15 item 3). */
public final class GateSteps {

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        RuleBundle shipped = RuleBundle.read(Path.of("rules"));
        RuleCompiler compiler = new RuleCompiler();
        List<Long> policy = new ArrayList<>(), compile = new ArrayList<>(), load = new ArrayList<>(), suite = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            List<RuleFile> files = new ArrayList<>();
            for (RuleFile f : shipped.rules().files()) {
                files.add(f.name().equals("plan.drl") ? new RuleFile(f.name(), f.content() + "\n// edit " + i + "\n") : f);
            }
            RuleSet rules = new RuleSet(files);
            long t0 = System.nanoTime();
            RuleContentPolicy.check(rules);
            long t1 = System.nanoTime();
            CompiledRules compiled = compiler.compile(rules, "bench-" + i);
            long t2 = System.nanoTime();
            LoadedScenarios loaded = ScenarioLoader.load(shipped.tests());
            long t3 = System.nanoTime();
            RuleTestSuite.run(compiled, loaded);
            long t4 = System.nanoTime();
            if (i == 0) {
                System.out.printf("first (cold) gate: content policy %.1f ms, compile %.1f ms, suites %.1f ms%n",
                        (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t4 - t3) / 1e6);
            }
            if (i >= rounds / 2) {
                policy.add(t1 - t0); compile.add(t2 - t1); load.add(t3 - t2); suite.add(t4 - t3);
            }
        }
        System.out.printf("warm gate steps over %d rounds (p50 ms): content policy %.1f, compile (incl. policy) %.1f, scenario load %.1f, suites %.1f%n",
                policy.size(), p50(policy), p50(compile), p50(load), p50(suite));
    }

    private static double p50(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2) / 1e6;
    }
}
