package com.videolinks.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.videolinks.VideolinksApplication;
import com.videolinks.support.ShippedRulesFolder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.RuleBundle;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;

/**
 * Edit-to-live latency of the shipped rules (#3, #15), two paths in one run on one node:
 * <ul>
 * <li><b>folder</b>: an operator saves a DRL file in the watched folder; from the write until the new version answers
 * (file-system event, debounce, compile and rule-test suites of the gate, storing, swap);</li>
 * <li><b>http</b>: an operator publishes the bundle with {@code POST /api/rules/publish}; from sending the request
 * until the answer (which comes once the version is live: the gate, storing and the swap run in the request).</li>
 * </ul>
 * Not JMH: one edit is one sample, wall-clock. The first edit of each path warms up and is not counted.
 *
 * <pre>mvn -Pbench test-compile exec:exec@edit-to-live</pre>
 */
public final class EditToLiveLatency {

    private static final String REASON = "Video links need a Business or eCommerce plan (S4).";

    public static void main(String[] args) throws Exception {
        int edits = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        String paths = args.length > 1 ? args[1] : "both";
        Path rules = ShippedRulesFolder.copyTo(Files.createTempDirectory("edit-to-live"));
        try (ConfigurableApplicationContext node = new SpringApplicationBuilder(VideolinksApplication.class)
                .run("--spring.datasource.url=jdbc:h2:mem:" + UUID.randomUUID(), "--server.port=0",
                        "--videolinks.rules.folder=" + rules, "--videolinks.rules.watch=true",
                        "--videolinks.demo-data.enabled=false", "--camunda.bpm.job-execution.enabled=false",
                        "--logging.level.root=warn")) {
            LinkPolicy policy = node.getBean(LinkPolicy.class);
            String debounce = node.getEnvironment().getProperty("videolinks.rules.debounce");
            System.out.printf("load average before: %.2f%n", java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean().getSystemLoadAverage());
            if (!paths.equals("folder")) {
                report("http publish", publishOverHttp(node, policy, rules, edits));
            }
            if (!paths.equals("http")) {
                report("folder save (debounce " + debounce + ")", saveInFolder(policy, rules, edits));
            }
        }
    }

    private static List<Long> saveInFolder(LinkPolicy policy, Path rules, int edits) throws Exception {
        Path plan = rules.resolve("plan.drl");
        String original = Files.readString(plan);
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
        Files.writeString(plan, original);
        return samples;
    }

    private static List<Long> publishOverHttp(ConfigurableApplicationContext node, LinkPolicy policy, Path rules,
                                              int edits) throws Exception {
        node.getBean(AppUsers.class).create("bench-ops", "bench-pw", Role.OPERATOR, null, null);
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=bench-ops&password=bench-pw")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + signIn.statusCode() + ": " + signIn.body());
        }
        String token = com.jayway.jsonpath.JsonPath.read(signIn.body(), "$.access_token");
        ObjectMapper json = new ObjectMapper();
        RuleBundle shipped = RuleBundle.read(rules);
        List<Long> samples = new ArrayList<>();
        for (int i = 0; i <= edits; i++) {
            String reason = "Video links need a Business or eCommerce plan (S4), published " + i + ".";
            List<Map<String, String>> files = shipped.files().stream()
                    .map(f -> Map.of("name", f.name(), "content", f.content().replace(REASON, reason))).toList();
            HttpRequest publish = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/rules/publish"))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("files", files)))).build();
            String before = policy.current().version();
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(publish, HttpResponse.BodyHandlers.ofString());
            long millis = (System.nanoTime() - started) / 1_000_000;
            if (answer.statusCode() != 200 || policy.current().version().equals(before)) {
                throw new IllegalStateException("publish " + i + " did not go live: " + answer.statusCode() + " " + answer.body());
            }
            if (i > 0) {
                samples.add(millis);
            }
        }
        return samples;
    }

    private static void report(String path, List<Long> samples) {
        Collections.sort(samples);
        System.out.printf("edit-to-live, %s, %d edits: p50 %d ms, p95 %d ms, min %d ms, max %d ms%n", path,
                samples.size(), percentile(samples, 50), percentile(samples, 95), samples.get(0),
                samples.get(samples.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }

    private EditToLiveLatency() {
    }
}
