package com.videolinks.conferencing.zoom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;

/**
 * The real Zoom client against Zoom's published API description (../shared/zoom/zoom-api-v2.openapi.yaml), served by
 * Prism, which answers 4xx to any request that breaks the contract (body shape, formats, missing bearer token).
 * Prism comes from tools/prism (npm ci, run by .ci/run). Missing Prism or description fails the test; a developer
 * without node may skip it explicitly with -Dvideolinks.contract.skip=true.
 */
class ZoomContractTest {

    record Exchange(String method, String path, int status, String violations) {
    }

    static final Path PRISM = Path.of(System.getProperty("videolinks.contract.prism", "tools/prism/node_modules/.bin/prism"));
    static final Path DESCRIPTION = Path.of(System.getProperty("videolinks.contract.description",
            "../shared/zoom/zoom-api-v2.openapi.yaml"));
    static final MeetingSpec YOGA = new MeetingSpec("Morning Flow", Instant.parse("2030-01-10T01:00:00Z"), 60,
            ZoneId.of("Asia/Seoul"), "Mina Yoga Seoul");

    static Process prism;
    static int port;
    static final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startPrism() throws Exception {
        if (!Files.isExecutable(PRISM) || !Files.isRegularFile(DESCRIPTION)) {
            String missing = (!Files.isExecutable(PRISM) ? PRISM.toAbsolutePath() + " (run: npm ci --prefix tools/prism) " : "")
                    + (!Files.isRegularFile(DESCRIPTION) ? DESCRIPTION.toAbsolutePath() : "");
            if (Boolean.getBoolean("videolinks.contract.skip")) {
                Assumptions.abort("Zoom contract test skipped on request (-Dvideolinks.contract.skip); missing: " + missing);
            }
            fail("The Zoom contract test needs Prism and Zoom's API description; missing: " + missing
                    + ". Without node, skip it explicitly with -Dvideolinks.contract.skip=true");
        }
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path log = Path.of("target", "prism.log");
        Files.createDirectories(log.getParent());
        prism = new ProcessBuilder(PRISM.toString(), "mock", "-h", "127.0.0.1", "-p", String.valueOf(port),
                DESCRIPTION.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!listening(port)) {
            if (!prism.isAlive() || System.nanoTime() > deadline) {
                fail("Prism did not start (exit " + (prism.isAlive() ? "none" : prism.exitValue()) + "); see " + log.toAbsolutePath()
                        + ":\n" + Files.readString(log));
            }
            Thread.sleep(250);
        }
    }

    @AfterAll
    static void stopPrism() {
        if (prism != null) {
            prism.descendants().forEach(ProcessHandle::destroy);
            prism.destroy();
        }
    }

    @Test
    void createUpdateReadAndDeleteAMeetingAsZoomsPublishedApiDescribesThem() {
        ZoomHttp client = new ZoomHttp(recordingClient(), new ZoomResilience(
                new ZoomProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ofMinutes(1)),
                Clock.systemUTC()));

        CreatedMeeting created = client.create("contract-token", YOGA, "videolinks session 7", false);
        assertThat(created.meetingId()).matches("\\d+");
        assertThat(created.joinUrl()).startsWith("https://");
        assertThat(client.update("contract-token", created.meetingId(),
                new MeetingSpec("Morning Flow", Instant.parse("2030-01-12T03:30:00Z"), 90, ZoneId.of("Asia/Seoul"), null),
                "videolinks session 7")).isTrue();
        assertThat(client.get("contract-token", created.meetingId())).isPresent();
        assertThat(client.delete("contract-token", created.meetingId())).isTrue();

        assertThat(exchanges).extracting(Exchange::method).containsExactly("POST", "PATCH", "GET", "DELETE");
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.status()).as(exchange.method() + " " + exchange.path()).isLessThan(400);
            assertThat(exchange.violations()).as("Prism's contract violations for " + exchange.method() + " " + exchange.path())
                    .isNull();
        });
    }

    @Test
    void aCreationInDoubtSearchesTheUsersScheduledMeetingsAsZoomDescribesThatList() {
        ZoomHttp client = new ZoomHttp(recordingClient(), new ZoomResilience(
                new ZoomProperties.Retry(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ZERO, Duration.ofMinutes(1)),
                Clock.systemUTC()));

        // Prism's example meetings do not carry the reference: nothing found, so the meeting is created
        assertThat(client.create("contract-token", YOGA, "videolinks session 7", true).meetingId()).matches("\\d+");

        assertThat(exchanges.get(0).method()).isEqualTo("GET");
        assertThat(exchanges.get(0).path()).isEqualTo("/users/me/meetings");
        assertThat(exchanges.get(exchanges.size() - 1).method()).isEqualTo("POST");
        assertThat(exchanges).allSatisfy(exchange -> {
            assertThat(exchange.status()).as(exchange.method() + " " + exchange.path()).isLessThan(400);
            assertThat(exchange.violations()).as("Prism's contract violations for " + exchange.method() + " " + exchange.path())
                    .isNull();
        });
    }

    @Test
    void prismRefusesARequestThatBreaksTheContract() {
        // the control: were Prism not validating, the test above could not fail
        RestClient raw = recordingClient();
        try {
            raw.post().uri("/users/me/meetings").headers(h -> h.setBearerAuth("contract-token"))
                    .contentType(MediaType.APPLICATION_JSON).body("{\"topic\": \"Yoga\", \"duration\": \"an hour\"}")
                    .retrieve().toBodilessEntity();
            fail("Prism accepted a duration that is not an integer");
        } catch (RestClientResponseException expected) {
            assertThat(expected.getStatusCode().is4xxClientError()).isTrue();
        }
        try {
            raw.delete().uri("/meetings/{id}", "123").retrieve().toBodilessEntity();
            fail("Prism accepted a request without a bearer token");
        } catch (RestClientResponseException expected) {
            assertThat(expected.getStatusCode().value()).isEqualTo(401);
        }
    }

    private static RestClient recordingClient() {
        exchanges.clear();
        return RestClient.builder().requestFactory(new JdkClientHttpRequestFactory(
                        java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()))
                .baseUrl("http://127.0.0.1:" + port)
                .requestInterceptor((request, body, execution) -> {
                    var response = execution.execute(request, body);
                    exchanges.add(new Exchange(request.getMethod().name(), request.getURI().getPath(),
                            response.getStatusCode().value(), response.getHeaders().getFirst("sl-violations")));
                    return response;
                })
                .build();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
