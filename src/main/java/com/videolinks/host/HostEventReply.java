package com.videolinks.host;

import io.swagger.v3.oas.annotations.media.Schema;

/** What became of a delivery. */
@Schema(name = "HostEventReply")
record HostEventReply(
        @Schema(example = "evt_01JD8X3") String eventId,
        @Schema(description = "the stored event (GET /api/host/events/{receiptId})") long receiptId,
        @Schema(allowableValues = {"APPLIED", "IGNORED", "PENDING", "FAILED", "DUPLICATE"}) String status,
        @Schema(description = "why it was ignored, waits or failed") String reason) {
}
