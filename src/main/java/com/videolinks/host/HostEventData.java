package com.videolinks.host;

import java.time.Instant;
import java.util.List;

import com.videolinks.common.KnownLanguage;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.policy.vocabulary.ServiceKind;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The {@code data} of each event type: the entity's full state as the host has it at that version. */
final class HostEventData {

    private HostEventData() {
    }

    @Schema(name = "HostPluginInstalled", description = "plugin.installed: the business installed videolinks on its site")
    record PluginInstalled(@NotBlank @Size(max = 120) String name,
                           @NotNull @Schema(description = "the site's paid plan on the host") Plan plan,
                           @Schema(example = "Asia/Seoul") @Size(max = 60) String timeZone,
                           @NotNull @Valid Owner owner,
                           @Email @Size(max = 254) @Schema(description = "the business's address for replies to its "
                                   + "emails (Reply-To, #13); absent: the owner's email, if any")
                           String contactEmail) {

        /** The business's address for replies: its contact email, else its owner's; null when neither is known. */
        String replyTo() {
            String chosen = contactEmail != null && !contactEmail.isBlank() ? contactEmail : owner.email();
            return chosen == null || chosen.isBlank() ? null : chosen.strip();
        }
    }

    @Schema(name = "HostSiteOwner", description = "the business owner on the host")
    record Owner(@NotBlank @Size(max = 70) @Schema(description = "the host's id of the owner") String id,
                 @Size(max = 120) String name, @Email @Size(max = 254) String email) {
    }

    @Schema(name = "HostPlanChanged", description = "site.plan_changed: the business bought, changed or cancelled its paid plan")
    record PlanChanged(@NotNull Plan plan) {
    }

    @Schema(name = "HostStaffMember", description = "staff.created, staff.updated: a staff member and the services they teach")
    record StaffMember(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
                       @Size(max = 200) @Schema(description = "the host's ids of the services assigned to them")
                       List<@NotBlank @Size(max = 100) String> serviceIds,
                       @Size(max = 35) @Schema(example = "en", description = "the language of their emails "
                               + "(a language tag; Korean when absent, English for any language but Korean, #13)")
                       @KnownLanguage String locale) {
    }

    @Schema(name = "HostService", description = "service.created, service.updated: a bookable service")
    record Service(@NotBlank @Size(max = 120) String name, @NotNull ServiceKind kind, @NotNull Boolean online) {
    }

    @Schema(name = "HostSessionScheduled", description = "session.scheduled: a session of a service")
    record SessionScheduled(@NotBlank @Size(max = 100) @Schema(description = "the host's id of the service") String serviceId,
                            @Size(max = 100) @Schema(description = "the host's id of the staff member, if any") String staffId,
                            @NotNull Instant startsAt, @NotNull Instant endsAt,
                            @Schema(description = "absent: as the service is") Boolean online,
                            @Schema(description = "places; absent: one for a one-on-one session, 20 for classes and courses")
                            Integer capacity) {
    }

    @Schema(name = "HostSessionRescheduled", description = "session.rescheduled: the session moved")
    record SessionRescheduled(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    @Schema(name = "HostCustomer", description = "customer.created, customer.updated: a customer of the site")
    record Customer(@NotBlank @Size(max = 120) String name, @NotBlank @Email @Size(max = 254) String email,
                    @Size(max = 10) @Schema(example = "ko") String locale,
                    @Size(max = 60) @Schema(example = "Asia/Seoul") String timeZone) {
    }

    @Schema(name = "HostBookingCreated", description = "booking.created: a customer booked a session")
    record BookingCreated(@NotBlank @Size(max = 100) String sessionId, @NotBlank @Size(max = 100) String customerId) {
    }

    @Schema(name = "HostNoData", description = "plugin.removed, staff.removed, service.deleted, session.cancelled, "
            + "customer.erasure_requested, booking.cancelled: no data ({} or absent)")
    record NoData() {
    }
}
