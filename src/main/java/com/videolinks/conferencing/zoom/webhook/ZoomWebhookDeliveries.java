package com.videolinks.conferencing.zoom.webhook;

import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.videolinks.common.InvalidInputException;

/**
 * Applies one signed webhook delivery exactly once: its replay receipt is written in the same transaction as the
 * event's effect (#11). A delivery whose processing fails leaves no receipt, so Zoom's redelivery of the very same
 * request is applied, not refused as a replay; two copies at once serialise on the receipt's key.
 */
@Component
class ZoomWebhookDeliveries {

    private final ZoomWebhookReceipts receipts;
    private final ZoomMeetingEvents meetingEvents;

    ZoomWebhookDeliveries(ZoomWebhookReceipts receipts, ZoomMeetingEvents meetingEvents) {
        this.receipts = receipts;
        this.meetingEvents = meetingEvents;
    }

    /** What was done, for Zoom's answer; throws {@link ZoomWebhookSignatures.Refused} for a replay. */
    @Transactional
    Map<String, String> apply(String signature, Duration window, JsonNode event, ZoomWebhookSignatures signatures) {
        if (!receipts.firstTime(signature, window)) {
            throw new ZoomWebhookSignatures.Refused("this exact request was received before (replayed)");
        }
        String type = event.path("event").asText("");
        JsonNode object = event.path("payload").path("object");
        return switch (type) {
            case "endpoint.url_validation" -> {
                String plainToken = event.path("payload").path("plainToken").asText("");
                if (plainToken.isEmpty()) {
                    throw new InvalidInputException("payload.plainToken", "is required for endpoint.url_validation");
                }
                yield Map.of("plainToken", plainToken, "encryptedToken", signatures.hmacHex(plainToken));
            }
            case "meeting.deleted" -> Map.of("result", meetingEvents.deleted(object));
            case "meeting.updated" -> Map.of("result", meetingEvents.updated(object));
            default -> Map.of("result", "ignored: event " + type + " is not used");
        };
    }
}
