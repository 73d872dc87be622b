package com.videolinks.bench;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.videolinks.VideolinksApplication;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.conferencing.zoom.ZoomTokenImport;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;
import com.videolinks.session.SessionCapacity;
import com.videolinks.session.SessionScheduling;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;
import com.videolinks.staff.StaffMembers;

/**
 * Provisioning 1,000 sessions end to end against the Zoom stand-in: each session is scheduled in its own transaction
 * (as the API does), which starts a zoom-meeting-provisioning process; Camunda's job executor then creates the
 * meetings. One invocation = until all 1,000 meetings exist. 10 Zoom hosts x 100 sessions: exactly Zoom's daily
 * creation limit per host, so the quota is enforced but never waits. The service runs in the benchmark's JVM on an
 * in-memory H2, with the job executor on.
 * <p>
 * Run: {@code mvn -Pbench test-compile exec:exec -Dbench.args=ZoomProvisioningBenchmark} (see benchmarks/README.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class ZoomProvisioningBenchmark {

    static final int SESSIONS = 1_000;
    static final int HOSTS = 10;

    /** Zoom's answer time per call, in ms (the real API: roughly 100-300 ms). */
    @Param({"0", "100"})
    int zoomLatencyMs;

    /** Camunda job executor threads (application.yml: 4 core, 8 max); the connection pool is sized 3x. */
    @Param({"4", "8"})
    int jobThreads;

    WireMockServer zoom;
    ConfigurableApplicationContext app;
    int round;
    List<Long> scheduled;

    @Setup(Level.Trial)
    public void start() {
        zoom = new WireMockServer(options().dynamicPort().containerThreads(64).globalTemplating(true));
        zoom.start();
        zoom.stubFor(post(urlEqualTo("/v2/users/me/meetings")).willReturn(aResponse().withStatus(201)
                .withFixedDelay(zoomLatencyMs).withHeader("Content-Type", "application/json")
                .withBody("{\"id\": {{randomInt lower=100000000 upper=2000000000}}, "
                        + "\"join_url\": \"https://zoom.example.com/j/{{randomValue length=9 type='NUMERIC'}}\", \"password\": \"pw\"}")));
        List<String> args = new ArrayList<>(List.of(
                "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                "--videolinks.demo-data.enabled=false",
                "--videolinks.secrets.key-file=target/bench/secret.key",
                "--videolinks.zoom.client-id=bench", "--videolinks.zoom.client-secret=bench",
                "--videolinks.zoom.redirect-uri=https://bench.example.com/api/zoom/oauth/callback",
                "--videolinks.zoom.api-base-url=" + zoom.baseUrl() + "/v2",
                "--videolinks.zoom.oauth-base-url=" + zoom.baseUrl(),
                "--camunda.bpm.job-execution.enabled=true",
                "--logging.level.root=warn", "--logging.level.com.videolinks=warn",
                "--server.port=0"));
        args.add("--camunda.bpm.job-execution.core-pool-size=" + jobThreads);
        args.add("--camunda.bpm.job-execution.max-pool-size=" + jobThreads);
        args.add("--camunda.bpm.job-execution.queue-capacity=" + jobThreads * 2);
        args.add("--camunda.bpm.job-execution.max-jobs-per-acquisition=" + jobThreads * 2);
        args.add("--spring.datasource.hikari.maximum-pool-size=" + jobThreads * 3);
        app = new SpringApplicationBuilder(VideolinksApplication.class).run(args.toArray(String[]::new));
        app.getBean(AppUsers.class).create("bench-owner", "bench", Role.OWNER, null, null);
    }

    /** New hosts every round, so each round has its own daily quota of 100 creations per host. */
    @Setup(Level.Iteration)
    public void newHosts() {
        round++;
        Sites sites = app.getBean(Sites.class);
        ConferencingAccounts accounts = app.getBean(ConferencingAccounts.class);
        StaffMembers staff = app.getBean(StaffMembers.class);
        ServiceOfferings services = app.getBean(ServiceOfferings.class);
        AccountConnections connections = app.getBean(AccountConnections.class);
        ZoomTokenImport tokens = app.getBean(ZoomTokenImport.class);
        SessionScheduling scheduling = app.getBean(SessionScheduling.class);

        Site site = sites.create("Bench " + round, "bench-owner", Plan.BUSINESS, ZoneId.of("Asia/Seoul"), true,
                Visibility.everywhere());
        ConferencingAccount meet = accounts.connect(site.id(), null, Provider.CUSTOM_LINK, null,
                new Link("https://meet.example.com/bench", null, null));
        sites.setDefaultAccount(site.id(), meet.id());
        List<Long> hosts = new ArrayList<>();
        for (int i = 0; i < HOSTS; i++) {
            long staffId = staff.create(site.id(), "Host " + i, "host-" + round + "-" + i + "@example.com").id();
            ConferencingAccount zoomAccount = connections.connectZoomStaff(staffId, "host-" + i + "@example.com", false);
            tokens.store(zoomAccount.id(), "bench-access", "bench-refresh", Instant.now().plus(2, ChronoUnit.HOURS));
            hosts.add(staffId);
        }
        ServiceOffering coaching = services.create(site.id(), "Coaching", ServiceKind.ONE_ON_ONE, true);
        services.assignStaff(coaching.id(), hosts);
        this.scheduled = new ArrayList<>();
        this.hostsOfRound = hosts;
        this.serviceOfRound = coaching.id();
        this.scheduling = scheduling;
    }

    List<Long> hostsOfRound;
    long serviceOfRound;
    SessionScheduling scheduling;

    @Benchmark
    public int provisionThousandSessions() throws InterruptedException {
        long started = System.nanoTime();
        int zoomCallsBefore = zoom.countRequestsMatching(postRequestedFor(urlEqualTo("/v2/users/me/meetings")).build()).getCount();
        Instant first = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        for (int i = 0; i < SESSIONS; i++) {
            Instant start = first.plus(i, ChronoUnit.HOURS);
            long host = hostsOfRound.get(i % HOSTS);
            scheduled.add(scheduling.schedule(serviceOfRound, host, start, start.plus(1, ChronoUnit.HOURS), true,
                    SessionCapacity.DEFAULT_GROUP).id());
        }
        long scheduledAfter = System.nanoTime();
        JdbcClient jdbc = app.getBean(JdbcClient.class);
        long minSession = scheduled.get(0);
        long maxSession = scheduled.get(scheduled.size() - 1);
        int created;
        do {
            Thread.sleep(50);
            created = jdbc.sql("select count(*) from zoom_meeting where session_id between :a and :b")
                    .param("a", minSession).param("b", maxSession).query(Integer.class).single();
            long incidents = app.getBean(ProcessEngine.class).getRuntimeService().createIncidentQuery().count();
            if (incidents > 0) {
                throw new IllegalStateException(incidents + " incidents while provisioning");
            }
        } while (created < SESSIONS);
        int zoomCalls = zoom.countRequestsMatching(postRequestedFor(urlEqualTo("/v2/users/me/meetings")).build()).getCount()
                - zoomCallsBefore;
        // printed per iteration: where the time went, and that every session got exactly one meeting
        System.out.printf("  scheduling %d sessions: %.1f s; all meetings created after %.1f s; Zoom create calls: %d%n",
                SESSIONS, (scheduledAfter - started) / 1e9, (System.nanoTime() - started) / 1e9, zoomCalls);
        return created;
    }

    @TearDown(Level.Trial)
    public void stop() {
        app.close();
        zoom.stop();
    }
}
