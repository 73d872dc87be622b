package com.videolinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * #14 item 7: the suite passes while the demo service (README's first command) listens on 8080. The test
 * configuration gives every started service a random free port, whatever application.yml says.
 */
class TestsListenOnRandomPortsTest {

    private static final int DEMO_PORT = 8080;

    @Test
    void aServiceStartedByATestListensOnAFreePortWhileSomethingHolds8080() throws Exception {
        try (ServerSocket demo = holdDemoPort()) {
            // started the way NoLinkLeakProperties and the multi-node tests start it: no port argument at all
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(VideolinksApplication.class)
                    .run("--spring.main.banner-mode=off", "--spring.jmx.enabled=false",
                            "--camunda.bpm.process-engine-name=randomPort")) {
                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                assertThat(port).isPositive().isNotEqualTo(DEMO_PORT);
            }
        }
    }

    @Test
    void noTestAsksForTheConfiguredPort() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/test/java"))) {
            List<Path> fixedPort = sources.filter(path -> path.toString().endsWith(".java"))
                    .filter(path -> !path.endsWith("TestsListenOnRandomPortsTest.java"))
                    .filter(path -> read(path).contains("WebEnvironment.DEFINED_PORT")
                            || read(path).contains("server.port=" + DEMO_PORT))
                    .toList();
            assertThat(fixedPort).as("tests bound to the demo's port").isEmpty();
        }
    }

    /** Binds 8080 like the demo does; null when something (the demo itself) already listens there. */
    private static ServerSocket holdDemoPort() throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.bind(new InetSocketAddress(DEMO_PORT));
            return socket;
        } catch (BindException alreadyTaken) {
            socket.close();
            try (ServerSocket probe = new ServerSocket()) {
                // make sure it really is taken, so the test still proves something
                probe.bind(new InetSocketAddress(DEMO_PORT));
                throw new AssertionError("8080 could neither be bound nor was it taken");
            } catch (BindException expected) {
                return null;
            }
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
