package com.videolinks.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.VideolinksApplication;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;

/**
 * Issue #10: N booking-created host events for S sessions (default 10,000 for 500: 20 customers each booking every
 * session) through {@code POST /api/host/events}, and the same N bookings through the REST API
 * ({@code POST /api/sessions/{id}/bookings}), side by side in one run: the same service on an in-memory H2, over real
 * HTTP on a random port, the same client threads. Each side books into a site of its own, built beforehand (not timed)
 * the same way; a warm-up of 5% of N on separate sessions goes first on both. REST calls carry a bearer token of the
 * service's own sign-in (#9), obtained once before the timed part.
 * <p>
 * Run: {@code mvn -Pbench test-compile exec:exec@host-events} (benchmarks/README.md).
 */
public final class HostEventsBenchmark {

    private static final String KEY = "bench-host";
    private static final String SECRET = "bench-secret-0123456789abcdef";
    private static final String PASSWORD = "bench-pw";
    private static final AtomicInteger EVENT_IDS = new AtomicInteger();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final ObjectMapper json = new ObjectMapper();
    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();
    private final String base;

    private HostEventsBenchmark(int port) {
        this.base = "http://localhost:" + port;
    }

    public static void main(String[] args) throws Exception {
        int bookings = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int sessions = args.length > 1 ? Integer.parseInt(args[1]) : 500;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int customers = Math.max(1, bookings / sessions);
        ConfigurableApplicationContext app = new SpringApplicationBuilder(VideolinksApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=jdbc:h2:mem:host-events-bench;DB_CLOSE_DELAY=-1",
                "--videolinks.demo-data.enabled=false",
                "--videolinks.rules.watch=false",
                "--videolinks.secrets.key-file=target/bench/secret.key",
                "--videolinks.security.bcrypt-strength=4",
                "--videolinks.host.keys[0].id=" + KEY, "--videolinks.host.keys[0].secret=" + SECRET,
                "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.com.videolinks=warn");
        try {
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
            AppUsers users = app.getBean(AppUsers.class);
            users.create("bench-ops", PASSWORD, Role.OPERATOR, null, null);
            users.create("bench-owner", PASSWORD, Role.OWNER, null, null);
            HostEventsBenchmark bench = new HostEventsBenchmark(port);
            int warmup = Math.max(1, bookings / 20);
            int warmupSessions = Math.max(1, warmup / customers);

            List<String> warmEvents = bench.eventSite("warm-events", warmupSessions, customers);
            List<Long> warmRest = bench.restSite("Warm REST", warmupSessions, customers);
            bench.viaEvents("warm-events", warmEvents, customers, warmup, threads);
            bench.viaRest(warmRest, bench.customersOf(app, "Warm REST"), warmup, threads);

            List<String> eventSessions = bench.eventSite("bench-events", sessions, customers);
            List<Long> restSessions = bench.restSite("Bench REST", sessions, customers);
            List<Long> restCustomers = bench.customersOf(app, "Bench REST");

            bench.tokens.clear();
            bench.token("bench-owner"); // a fresh token, outside the timed part
            long start = System.nanoTime();
            bench.viaEvents("bench-events", eventSessions, customers, bookings, threads);
            double eventSeconds = (System.nanoTime() - start) / 1e9;
            start = System.nanoTime();
            bench.viaRest(restSessions, restCustomers, bookings, threads);
            double restSeconds = (System.nanoTime() - start) / 1e9;

            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long eventBooked = booked(jdbc, "Studio bench-events");
            long restBooked = booked(jdbc, "Bench REST");
            long outbox = jdbc.sql("select count(*) from notification_outbox where kind = 'BOOKING_CONFIRMATION'")
                    .query(Long.class).single();
            System.out.printf("%n%,d bookings for %,d sessions (%d customers each booking every session), %d client threads%n",
                    bookings, sessions, customers, threads);
            System.out.printf("| path | bookings made | time | bookings/s |%n|---|---|---|---|%n");
            System.out.printf("| POST /api/host/events (booking.created, signed) | %,d | %.1f s | %,.0f |%n",
                    eventBooked, eventSeconds, bookings / eventSeconds);
            System.out.printf("| POST /api/sessions/{id}/bookings (REST, Bearer) | %,d | %.1f s | %,.0f |%n",
                    restBooked, restSeconds, bookings / restSeconds);
            System.out.printf("events / REST = %.2f; confirmation emails in the outbox (all runs): %,d%n",
                    restSeconds / eventSeconds, outbox);
        } finally {
            app.close();
        }
    }

    /** Installs a site by events with a default link, one service, the sessions and customers; the session host ids. */
    private List<String> eventSite(String site, int sessions, int customers) throws Exception {
        send(event("plugin.installed", site, null, 1, """
                {"name": "Studio %s", "plan": "BUSINESS", "timeZone": "Asia/Seoul", "owner": {"id": "owner-%s"}}
                """.formatted(site, site)));
        long siteId = -1;
        for (var node : json.readTree(rest("GET", "/api/sites", null, "bench-ops"))) {
            if (node.path("name").asText().equals("Studio " + site)) {
                siteId = node.path("id").asLong();
            }
        }
        rest("PUT", "/api/sites/" + siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/%s"}}""".formatted(site), "bench-ops");
        send(event("service.created", site, "svc", 1, "{\"name\": \"Flow\", \"kind\": \"CLASS\", \"online\": true}"));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Instant start = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(3600L * i);
            send(event("session.scheduled", site, "ses-" + i, 1, """
                    {"serviceId": "svc", "startsAt": "%s", "endsAt": "%s"}""".formatted(start, start.plusSeconds(3000))));
            ids.add("ses-" + i);
        }
        for (int c = 0; c < customers; c++) {
            send(event("customer.created", site, "cus-" + c, 1, """
                    {"name": "Customer %d", "email": "c%d-%s@example.com", "locale": "ko"}""".formatted(c, c, site)));
        }
        return ids;
    }

    /** The same site through the REST API; the session ids. */
    private List<Long> restSite(String name, int sessions, int customers) throws Exception {
        long siteId = json.readTree(rest("POST", "/api/sites", """
                {"name": "%s", "plan": "BUSINESS", "timeZone": "Asia/Seoul", "owner": "bench-owner"}""".formatted(name),
                "bench-ops")).path("id").asLong();
        rest("PUT", "/api/sites/" + siteId + "/default-account", """
                {"provider": "CUSTOM_LINK", "link": {"url": "https://meet.example.com/rest"}}""", "bench-owner");
        long serviceId = json.readTree(rest("POST", "/api/sites/" + siteId + "/services",
                "{\"name\": \"Flow\", \"kind\": \"CLASS\", \"online\": true}", "bench-owner")).path("id").asLong();
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < sessions; i++) {
            Instant start = Instant.parse("2030-01-01T00:00:00Z").plusSeconds(3600L * i);
            ids.add(json.readTree(rest("POST", "/api/services/" + serviceId + "/sessions", """
                    {"startsAt": "%s", "endsAt": "%s"}""".formatted(start, start.plusSeconds(3000)), "bench-owner"))
                    .path("id").asLong());
        }
        for (int c = 0; c < customers; c++) {
            rest("POST", "/api/sites/" + siteId + "/customers", """
                    {"name": "Customer %d", "email": "c%d-%d@example.com", "locale": "ko"}""".formatted(c, c, siteId),
                    "bench-owner");
        }
        return ids;
    }

    private List<Long> customersOf(ConfigurableApplicationContext app, String siteName) {
        return app.getBean(JdbcClient.class).sql("""
                select c.id from customer c join site s on s.id = c.site_id where s.name = :name order by c.id""")
                .param("name", siteName).query(Long.class).list();
    }

    private void viaEvents(String site, List<String> sessions, int customers, int bookings, int threads) throws Exception {
        parallel(bookings, threads, i -> send(event("booking.created", site, "bk-" + i, 1, """
                {"sessionId": "%s", "customerId": "cus-%d"}""".formatted(sessions.get(i % sessions.size()),
                (i / sessions.size()) % customers))));
    }

    private void viaRest(List<Long> sessions, List<Long> customers, int bookings, int threads) throws Exception {
        parallel(bookings, threads, i -> rest("POST", "/api/sessions/" + sessions.get(i % sessions.size()) + "/bookings",
                "{\"customerId\": " + customers.get((i / sessions.size()) % customers.size()) + "}", "bench-owner"));
    }

    private interface Call {
        void run(int i) throws Exception;
    }

    private static void parallel(int count, int threads, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            AtomicInteger next = new AtomicInteger();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        call.run(i);
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String event(String type, String site, String entity, long version, String data) {
        return """
                {"id": "bench-%d", "type": "%s", "siteId": "%s",%s "version": %d, "data": %s}"""
                .formatted(EVENT_IDS.incrementAndGet(), type, site,
                        entity == null ? "" : " \"entityId\": \"" + entity + "\",", version, data.strip());
    }

    private String send(String body) throws Exception {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/host/events"))
                .header("Content-Type", "application/json").header("X-Host-Key", KEY)
                .header("X-Host-Timestamp", timestamp).header("X-Host-Signature", "sha256=" + sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("event answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    /** A bearer token of the user from the service's sign-in (#9), fetched once per user and phase. */
    private String token(String user) throws Exception {
        String cached = tokens.get(user);
        if (cached != null) {
            return cached;
        }
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/api/auth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("sign-in answered " + response.statusCode() + ": " + response.body());
        }
        tokens.put(user, response.body().strip());
        return response.body().strip();
    }

    private String rest(String method, String path, String body, String user) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token(user))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static long booked(JdbcClient jdbc, String siteName) {
        return jdbc.sql("""
                select count(*) from booking b join session s on s.id = b.session_id join service v on v.id = s.service_id
                join site t on t.id = v.site_id where t.name = :name and b.status = 'BOOKED'""")
                .param("name", siteName).query(Long.class).single();
    }

    private static String sign(String timestamp, String body) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
