package com.videolinks;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * #14 item 6: with the SMTP server and Zoom both unreachable, the service is not DOWN. Liveness and readiness are UP
 * (nothing to restart, traffic welcome: the outbox keeps the emails, jobs retry Zoom); the full health shows both as
 * DEGRADED components (HTTP 200), so an operator sees what is wrong.
 */
@SpringBootTest
@AutoConfigureMockMvc
class OperatorHealthTest {

    private static final int CLOSED_PORT = closedPort();

    @DynamicPropertySource
    static void unreachableSmtpAndZoom(DynamicPropertyRegistry properties) {
        properties.add("spring.mail.host", () -> "127.0.0.1");
        properties.add("spring.mail.port", () -> CLOSED_PORT);
        properties.add("spring.mail.properties.mail.smtp.connectiontimeout", () -> "1000");
        properties.add("videolinks.zoom.client-id", () -> "health-client");
        properties.add("videolinks.zoom.client-secret", () -> "health-secret");
        properties.add("videolinks.zoom.redirect-uri", () -> "http://localhost/api/zoom/oauth/callback");
        properties.add("videolinks.zoom.api-base-url", () -> "http://127.0.0.1:" + CLOSED_PORT + "/v2");
        properties.add("videolinks.zoom.oauth-base-url", () -> "http://127.0.0.1:" + CLOSED_PORT);
        properties.add("videolinks.zoom.connect-timeout", () -> "500ms");
    }

    @Autowired
    MockMvc mvc;

    @Test
    void smtpAndZoomDownAreDegradedComponentsWhileLivenessAndReadinessStayUp() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.smtp.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.zoom.status").value("DEGRADED"))
                .andExpect(jsonPath("$.components.db.status").value("UP"))
                .andExpect(jsonPath("$.components.mail").doesNotExist());
        mvc.perform(get("/actuator/health/liveness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/health/readiness")).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UP"));
    }

    @Test
    void operatorsReadWhySmtpIsDegradedAndHowManyEmailsWait() throws Exception {
        mvc.perform(get("/actuator/health/smtp").with(org.springframework.security.test.web.servlet.request
                        .SecurityMockMvcRequestPostProcessors.user("ops").roles("OPERATOR")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DEGRADED"))
                .andExpect(jsonPath("$.details.server").value("127.0.0.1:" + CLOSED_PORT))
                .andExpect(jsonPath("$.details.pending").value(0))
                .andExpect(jsonPath("$.details.error").isNotEmpty());
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort(); // closed again: nothing listens there
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
