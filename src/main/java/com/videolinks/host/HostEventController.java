package com.videolinks.host;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.NotFoundException;
import com.videolinks.security.Access;
import com.videolinks.security.Role;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The host platform's events in, and the operators' view of them. Deliveries carry no HTTP credentials: they
 * authenticate by the HMAC signature of their key (see {@link HostSignatures}).
 */
@RestController
@Tag(name = "Host events", description = "Events of the host platform: sites, plans, staff, services, sessions, "
        + "customers and bookings, signed, applied once, in any order")
class HostEventController {

    static final String PATH = "/api/host/events";
    private static final Logger log = LoggerFactory.getLogger(HostEventController.class);
    private static final String EXAMPLE = """
            {"id": "evt_01JD8X3", "type": "booking.created", "siteId": "site-7f3a", "entityId": "bk-100", "version": 1,
             "occurredAt": "2026-12-01T09:00:00Z", "data": {"sessionId": "ses-42", "customerId": "cus-9"}}""";

    private final HostSignatures signatures;
    private final HostEventProcessing processing;
    private final HostEventLog events;
    private final HostProperties properties;
    private final Access access;

    HostEventController(HostSignatures signatures, HostEventProcessing processing, HostEventLog events,
                        HostProperties properties, Access access) {
        this.signatures = signatures;
        this.processing = processing;
        this.events = events;
        this.properties = properties;
        this.access = access;
    }

    @PostMapping(path = PATH, consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "deliverHostEvent", summary = "Deliver one event of the host platform",
            description = "Signed: X-Host-Signature = \"sha256=\" + hex(HMAC-SHA256(secret of X-Host-Key, "
                    + "X-Host-Timestamp + \".\" + raw body)); X-Host-Timestamp in Unix seconds, at most "
                    + "videolinks.host.timestamp-tolerance (5 min) from now. Each (key, id) is applied once. An event "
                    + "older than the entity's applied version is IGNORED; one whose parent has not arrived is "
                    + "PENDING (202) and applied when it does.",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = HostEvent.class),
                    examples = @ExampleObject(name = "booking.created", value = EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "200", description = "APPLIED, IGNORED (older or about something "
                            + "deleted) or DUPLICATE (received before)"),
                    @ApiResponse(responseCode = "202", description = "PENDING: waits for its parent"),
                    @ApiResponse(responseCode = "400", description = "not a valid event: invalid-input (errors[].field), "
                            + "unknown-event-type", content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "401", description = "signature-refused: missing, wrong or stale signature",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "403", description = "site-not-owned-by-key",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "409", description = "event-id-reused (same id, another body), or the "
                            + "domain refuses the change (e.g. already-booked)",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
                    @ApiResponse(responseCode = "413", description = "body-too-large (videolinks.host.max-body-size, 1 MB)",
                            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))})
    ResponseEntity<HostEventReply> receive(
            @Parameter(in = ParameterIn.HEADER, description = "id of the signing key") @RequestHeader(name = HostSignatures.KEY_HEADER, required = false) String keyId,
            @Parameter(in = ParameterIn.HEADER, description = "Unix seconds") @RequestHeader(name = HostSignatures.TIMESTAMP_HEADER, required = false) String timestamp,
            @Parameter(in = ParameterIn.HEADER, description = "sha256=<hex>") @RequestHeader(name = HostSignatures.SIGNATURE_HEADER, required = false) String signature,
            @Parameter(hidden = true) HttpServletRequest request) throws IOException {
        byte[] body = boundedBody(request);
        HostProperties.Key key = signatures.verify(keyId, timestamp, signature, body);
        HostEventReply reply = processing.receive(key, body);
        return ResponseEntity.status("PENDING".equals(reply.status()) ? HttpStatus.ACCEPTED : HttpStatus.OK).body(reply);
    }

    @GetMapping(path = PATH, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "listHostEvents", summary = "Stored host events, newest first (operators)", description = "e.g. ?status=FAILED")
    List<HostEventRecord> list(@RequestParam(required = false) HostEventStatus status,
                               @RequestParam(defaultValue = "100") int limit) {
        requireOperator();
        return events.list(status, Math.max(1, Math.min(limit, 1000)));
    }

    @GetMapping(path = PATH + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "getHostEvent", summary = "One stored host event (operators)")
    HostEventRecord one(@PathVariable long id) {
        requireOperator();
        return events.find(id).orElseThrow(() -> new NotFoundException("host event", id));
    }

    @PostMapping(path = PATH + "/{id}/replay", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(operationId = "replayHostEvent", summary = "Apply a FAILED (or PENDING) event again now (operators)")
    HostEventReply replay(@PathVariable long id) {
        requireOperator();
        return processing.replay(id);
    }

    private void requireOperator() {
        if (access.current().role() != Role.OPERATOR) {
            throw new AccessDeniedException("only operators see and replay the host's events");
        }
    }

    /** Reads at most max-body-size bytes: a larger body is refused before it is read into memory. */
    private byte[] boundedBody(HttpServletRequest request) throws IOException {
        long limit = properties.maxBodySize().toBytes();
        if (request.getContentLengthLong() > limit) {
            throw tooLarge(limit);
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) limit + 1);
            if (body.length > limit) {
                throw tooLarge(limit);
            }
            return body;
        }
    }

    private static HostEventRefused tooLarge(long limit) {
        return new HostEventRefused(HttpStatus.PAYLOAD_TOO_LARGE, "body-too-large",
                "an event body is at most " + limit + " bytes (videolinks.host.max-body-size)");
    }

    @ExceptionHandler(HostSignatures.Refused.class)
    ProblemDetail refused(HostSignatures.Refused e) {
        log.warn("Refused a host event delivery: {}", e.getMessage());
        return problem(HttpStatus.UNAUTHORIZED, "signature-refused", e.getMessage());
    }

    @ExceptionHandler(HostEventRefused.class)
    ProblemDetail refused(HostEventRefused e) {
        log.warn("Refused a host event delivery: {}", e.getMessage());
        return problem(e.status(), e.code(), e.getMessage());
    }

    @ExceptionHandler(InvalidHostEvent.class)
    ProblemDetail invalid(InvalidHostEvent e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        problem.setProperty("errors", e.problems().stream()
                .map(p -> Map.of("field", p.field(), "message", p.message())).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:videolinks:problem:" + code));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("code", code);
        return problem;
    }
}
