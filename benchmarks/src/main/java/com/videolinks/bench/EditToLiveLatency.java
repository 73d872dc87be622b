package com.videolinks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.videolinks.VideolinksApplication;
import com.videolinks.support.ShippedRulesFolder;
import com.videolinks.policy.LinkPolicy;

/**
 * Edit-to-live latency of the shipped rules (#3): an operator saves a DRL file in the watched folder; how long until
 * the new version answers? Includes the debounce, the compile and the rule-test suites of the gate, and the swap.
 * Not JMH: one edit is one sample, measured wall-clock from the write to the version change.
 *
 * <pre>mvn -Pbench test-compile exec:exec@edit-to-live</pre>
 */
public final class EditToLiveLatency {

    private static final String REASON = "Video links need a Business or eCommerce plan (S4).";

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path rules = ShippedRulesFolder.copyTo(Files.createTempDirectory("edit-to-live"));
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(VideolinksApplication.class)
                .run("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "--server.port=0",
                        "--videolinks.rules.folder=" + rules, "--videolinks.rules.watch=true",
                        "--videolinks.demo-data.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=warn")) {
            LinkPolicy policy = node.getBean(LinkPolicy.class);
            Path plan = rules.resolve("plan.drl");
            String original = Files.readString(plan);
            String debounce = node.getEnvironment().getProperty("videolinks.rules.debounce");
            List<Long> samples = new ArrayList<>();
            for (int i = 0; i <= edits; i++) {
                String before = policy.current().version();
                long started = System.nanoTime();
                Files.writeString(plan, original.replace(REASON, "Video links need a Business or eCommerce plan (S4), edit " + i + "."));
                while (policy.current().version().equals(before)) {
                    Thread.sleep(2);
                    if (System.nanoTime() - started > 30_000_000_000L) {
                        throw new IllegalStateException("edit " + i + " did not go live within 30 s");
                    }
                }
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (i > 0) { // the first edit warms the compiler up
                    samples.add(millis);
                }
            }
            Collections.sort(samples);
            System.out.printf("edit-to-live over %d edits (debounce %s): p50 %d ms, p95 %d ms, min %d ms, max %d ms%n",
                    samples.size(), debounce, percentile(samples, 50), percentile(samples, 95), samples.get(0),
                    samples.get(samples.size() - 1));
        }
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private EditToLiveLatency() {
    }
}
