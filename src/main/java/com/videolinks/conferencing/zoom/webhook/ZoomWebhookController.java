package com.videolinks.conferencing.zoom.webhook;

import java.net.URI;
import java.time.Clock;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.UnavailableException;
import com.videolinks.conferencing.zoom.ZoomProperties;

/**
 * Zoom's event notifications. Reachable without HTTP Basic: a request authenticates by its signature, made with the
 * app's secret token, and a fresh timestamp. Answers Zoom's endpoint-validation challenge; hands meeting events on,
 * each applied once ({@link ZoomWebhookDeliveries}).
 */
@RestController
class ZoomWebhookController {

    static final String PATH = "/api/zoom/webhooks";
    private static final Logger log = LoggerFactory.getLogger(ZoomWebhookController.class);

    private final ZoomProperties properties;
    private final ZoomWebhookDeliveries deliveries;
    private final ObjectMapper json;
    private final Clock clock;

    ZoomWebhookController(ZoomProperties properties, ZoomWebhookDeliveries deliveries, ObjectMapper json, Clock clock) {
        this.properties = properties;
        this.deliveries = deliveries;
        this.json = json;
        this.clock = clock;
    }

    @PostMapping(PATH)
    Map<String, String> receive(@RequestHeader(name = "x-zm-request-timestamp", required = false) String timestamp,
                                @RequestHeader(name = "x-zm-signature", required = false) String signature,
                                @RequestBody String body) {
        if (!properties.webhooksConfigured()) {
            throw new UnavailableException("zoom-not-configured", "Zoom webhooks are not configured on this service: "
                    + "set videolinks.zoom.webhook-secret-token (see README, 'Connecting a real Zoom app')");
        }
        ZoomWebhookSignatures signatures = new ZoomWebhookSignatures(properties.webhookSecretToken(),
                properties.webhookTolerance(), clock);
        signatures.verify(timestamp, signature, body);
        // parsed first: a request that is not JSON is refused without spending its receipt
        JsonNode event = parse(body);
        return deliveries.apply(signature, properties.webhookTolerance(), event, signatures);
    }

    @ExceptionHandler(ZoomWebhookSignatures.Refused.class)
    ProblemDetail refused(ZoomWebhookSignatures.Refused e) {
        log.warn("Refused a Zoom webhook request: {}", e.getMessage());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setTitle(HttpStatus.UNAUTHORIZED.getReasonPhrase());
        problem.setType(URI.create("urn:videolinks:problem:webhook-refused"));
        problem.setProperty("code", "webhook-refused");
        return problem;
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("body", "is not JSON");
        }
    }
}
