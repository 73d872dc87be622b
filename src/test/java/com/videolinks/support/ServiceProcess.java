package com.videolinks.support;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The service as an operating-system process of its own (a separate JVM, as in production): the main classes and
 * the dependencies of this test run (not the test classes or their configuration), the shipped application.yml,
 * the arguments a test gives. {@link #kill()} is {@code kill -9}: no shutdown hook, no closing of the database.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the service and waits (up to 3 minutes) until its health answers UP. */
    public static ServiceProcess start(String name, List<String> arguments) throws IOException, InterruptedException {
        int port = freePort();
        Path log = Path.of("target", "service-processes", name + "-" + System.currentTimeMillis() + ".log");
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx768m", "-XX:+UseSerialGC", "-cp", serviceClassPath(), "com.videolinks.VideolinksApplication",
                "--server.port=" + port, "--spring.main.banner-mode=off", "--spring.jmx.enabled=false"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        ServiceProcess service = new ServiceProcess(name, port, process, log);
        service.awaitUp(Duration.ofMinutes(6));
        return service;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    public Path log() {
        return log;
    }

    /** SIGKILL: the JVM ends at once, whatever it was doing. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public Response get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), user);
    }

    public Response post(String path, String user, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    public Response put(String path, String user, String json) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)), user);
    }

    private final java.util.Map<String, String> tokens = new java.util.concurrent.ConcurrentHashMap<>();

    private Response send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Bearer " + token(user));
        }
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    /** A demo user's bearer token from this node's sign-in endpoint (password "demo"), as a client gets it. */
    private String token(String user) throws IOException, InterruptedException {
        String token = tokens.get(user);
        if (token == null) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + "/api/auth/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("sign-in of " + user + " answered " + answer.statusCode() + ": "
                        + answer.body());
            }
            token = answer.body().strip();
            tokens.put(user, token);
        }
        return token;
    }

    public record Response(int status, String body) {
    }

    private void awaitUp(Duration limit) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue()
                        + " before it was up:\n" + tail());
            }
            try {
                if (get("/actuator/health/readiness", null).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        process.destroyForcibly();
        throw new IllegalStateException(name + " was not up within " + limit + ":\n" + tail());
    }

    /** The last lines of the process's log, for failure messages. */
    public String tail() throws IOException {
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return lines.subList(Math.max(0, lines.size() - 60), lines.size()).stream().collect(Collectors.joining("\n"));
    }

    /** The classpath of this run without the test classes (and so without the test configuration). */
    static String serviceClassPath() {
        String separator = File.pathSeparator;
        return Arrays.stream(System.getProperty("java.class.path").split(separator))
                .filter(entry -> !entry.replace('\\', '/').endsWith("target/test-classes"))
                .filter(entry -> !entry.contains("surefire"))
                .collect(Collectors.joining(separator));
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
