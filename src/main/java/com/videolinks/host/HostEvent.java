package com.videolinks.host;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** The envelope of every host event; {@code data} is the entity's state (its shape depends on {@code type}). */
@Schema(name = "HostEvent", description = "One event of the host platform, signed with the host's key")
record HostEvent(
        @NotBlank @Size(max = 100) @Schema(description = "unique per key: a second delivery of the same id is ignored",
                example = "evt_01JD8X3") String id,
        @NotBlank @Size(max = 60) @Schema(example = "booking.created", allowableValues = {"plugin.installed",
                "plugin.removed", "site.plan_changed", "staff.created", "staff.updated", "staff.removed",
                "service.created", "service.updated", "service.deleted", "session.scheduled", "session.rescheduled",
                "session.cancelled", "customer.created", "customer.updated", "customer.erasure_requested",
                "booking.created", "booking.cancelled"}) String type,
        @NotBlank @Size(max = 100) @Schema(description = "the host's id of the site", example = "site-7f3a") String siteId,
        @Size(max = 100) @Schema(description = "the host's id of the staff member, service, session, customer or "
                + "booking the event is about; absent for plugin.* and site.* events", example = "bk-100") String entityId,
        @NotNull @PositiveOrZero @Schema(description = "the entity's version on the host: a revision number or its "
                + "update time in epoch milliseconds; grows with every change. An event older than (or as old as) what "
                + "was applied is ignored", example = "1") Long version,
        @Schema(description = "when it happened on the host") Instant occurredAt,
        @Schema(description = "the entity's state at this version; shape by type (HostEventsOpenApi)") JsonNode data) {

    /** The entity's host id: the site's for site events. */
    String entityHostId(HostEventType type) {
        return type.aboutSite() ? siteId : entityId;
    }
}
