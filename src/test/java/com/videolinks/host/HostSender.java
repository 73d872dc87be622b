package com.videolinks.host;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Sends events as the host does: JSON envelope, signed with a key's secret over timestamp + "." + body. */
final class HostSender {

    private static final AtomicLong IDS = new AtomicLong();

    private final MockMvc mvc;
    private final Clock clock;
    private final String keyId;
    private final String secret;

    HostSender(MockMvc mvc, Clock clock, String keyId, String secret) {
        this.mvc = mvc;
        this.clock = clock;
        this.keyId = keyId;
        this.secret = secret;
    }

    static String newEventId() {
        return "evt-" + System.nanoTime() + "-" + IDS.incrementAndGet();
    }

    /** The envelope of an event about {@code entityId} (null for site events) with its data (a JSON object or null). */
    static String event(String eventId, String type, String siteId, String entityId, long version, String data) {
        return """
                {"id": "%s", "type": "%s", "siteId": "%s",%s "version": %d, "occurredAt": "2026-12-01T09:00:00Z"%s}
                """.formatted(eventId, type, siteId, entityId == null ? "" : " \"entityId\": \"" + entityId + "\",",
                version, data == null ? "" : ", \"data\": " + data).strip();
    }

    ResultActions send(String type, String siteId, String entityId, long version, String data) throws Exception {
        return sendBody(event(newEventId(), type, siteId, entityId, version, data));
    }

    ResultActions sendBody(String body) throws Exception {
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        return sendSigned(body, timestamp, "sha256=" + HostSignatures.sign(secret, timestamp,
                body.getBytes(StandardCharsets.UTF_8)));
    }

    ResultActions sendSigned(String body, String timestamp, String signature) throws Exception {
        var request = post(HostEventController.PATH).contentType(MediaType.APPLICATION_JSON)
                .content(body.getBytes(StandardCharsets.UTF_8));
        if (keyId != null) {
            request.header(HostSignatures.KEY_HEADER, keyId);
        }
        if (timestamp != null) {
            request.header(HostSignatures.TIMESTAMP_HEADER, timestamp);
        }
        if (signature != null) {
            request.header(HostSignatures.SIGNATURE_HEADER, signature);
        }
        return mvc.perform(request);
    }
}
