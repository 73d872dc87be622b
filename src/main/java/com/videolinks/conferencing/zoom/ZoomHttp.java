package com.videolinks.conferencing.zoom;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * Zoom's REST API v2 as videolinks uses it, one call per method, given an access token: who am I, create, read,
 * update and delete a meeting. Request bodies follow Zoom's published OpenAPI description (the contract test checks).
 */
class ZoomHttp {

    /** Zoom's GMT form for start_time: {@code yyyy-MM-dd'T'HH:mm:ss'Z'}. */
    private static final DateTimeFormatter START_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);
    private static final int SCHEDULED_MEETING = 2;
    private static final int MAX_TOPIC = 200;
    private static final int MAX_AGENDA = 2000;
    private static final int LOOKUP_PAGE_SIZE = 300;
    private static final int MAX_LOOKUP_PAGES = 10;
    private static final Logger log = LoggerFactory.getLogger(ZoomHttp.class);

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MeetingBody(String topic, Integer type, @JsonProperty("start_time") String startTime, Integer duration,
                       String timezone, String agenda) {
    }

    private final RestClient rest;
    private final ZoomResilience resilience;

    ZoomHttp(RestClient rest, ZoomResilience resilience) {
        this.rest = rest;
        this.resilience = resilience;
    }

    ZoomUser me(String accessToken) {
        JsonNode user = resilience.call("read the Zoom user", () -> rest.get().uri("/users/me")
                .headers(h -> h.setBearerAuth(accessToken)).accept(MediaType.APPLICATION_JSON)
                .retrieve().body(JsonNode.class));
        return new ZoomUser(text(user, "id"), text(user, "email"));
    }

    /**
     * Creates a scheduled meeting hosted by the token's user ("me": a user-level app acts for that user only), its
     * agenda carrying {@code reference}. A POST is not idempotent: after an attempt whose answer never came (or when
     * {@code inDoubt}: an earlier creation's), the user's scheduled meetings are searched for that reference at the
     * same start before posting again, so a retry finds the meeting Zoom did create instead of making a second.
     */
    CreatedMeeting create(String accessToken, MeetingSpec spec, String reference, boolean inDoubt) {
        MeetingBody body = body(spec, reference);
        return resilience.callCreating("create meeting",
                () -> meeting(rest.post().uri("/users/me/meetings").headers(h -> h.setBearerAuth(accessToken))
                        .contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON).body(body)
                        .retrieve().body(JsonNode.class)),
                () -> findCreated(accessToken, body, reference), inDoubt);
    }

    /** The meeting an unanswered creation made, if it did: its agenda ends with the reference, same start. */
    private Optional<CreatedMeeting> findCreated(String accessToken, MeetingBody body, String reference) {
        String pageToken = null;
        for (int page = 0; page < MAX_LOOKUP_PAGES; page++) {
            JsonNode list = (pageToken == null
                    ? rest.get().uri("/users/me/meetings?type=scheduled&page_size={size}", LOOKUP_PAGE_SIZE)
                    : rest.get().uri("/users/me/meetings?type=scheduled&page_size={size}&next_page_token={token}",
                            LOOKUP_PAGE_SIZE, pageToken))
                    .headers(h -> h.setBearerAuth(accessToken)).accept(MediaType.APPLICATION_JSON)
                    .retrieve().body(JsonNode.class);
            for (JsonNode meeting : list == null ? List.<JsonNode>of() : list.path("meetings")) {
                String agenda = text(meeting, "agenda");
                if (agenda != null && agenda.strip().endsWith(reference) && body.startTime().equals(text(meeting, "start_time"))) {
                    String id = text(meeting, "id");
                    // the list leaves out the passcode: read the meeting itself
                    JsonNode whole = rest.get().uri("/meetings/{id}", id).headers(h -> h.setBearerAuth(accessToken))
                            .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class);
                    log.info("Zoom meeting {} carrying \"{}\" found after a creation Zoom never confirmed: kept, not "
                            + "created again", id, reference);
                    return Optional.of(meeting(whole));
                }
            }
            pageToken = text(list, "next_page_token");
            if (pageToken == null || pageToken.isEmpty()) {
                return Optional.empty();
            }
        }
        log.warn("Looked through {} pages of a Zoom user's scheduled meetings for \"{}\" without reaching the end: "
                + "creating it again (an earlier meeting of it may be left in that Zoom account)", MAX_LOOKUP_PAGES, reference);
        return Optional.empty();
    }

    Optional<CreatedMeeting> get(String accessToken, String meetingId) {
        try {
            JsonNode meeting = resilience.call("read meeting " + meetingId, () -> rest.get()
                    .uri("/meetings/{id}", meetingId).headers(h -> h.setBearerAuth(accessToken))
                    .accept(MediaType.APPLICATION_JSON).retrieve().body(JsonNode.class));
            return Optional.of(meeting(meeting));
        } catch (ZoomNotFoundException gone) {
            return Optional.empty();
        }
    }

    /** False when the meeting no longer exists in Zoom. */
    boolean update(String accessToken, String meetingId, MeetingSpec spec, String reference) {
        try {
            resilience.call("update meeting " + meetingId, () -> rest.patch().uri("/meetings/{id}", meetingId)
                    .headers(h -> h.setBearerAuth(accessToken)).contentType(MediaType.APPLICATION_JSON)
                    .body(body(spec, reference)).retrieve().toBodilessEntity());
            return true;
        } catch (ZoomNotFoundException gone) {
            return false;
        }
    }

    /** False when the meeting was already gone: deleting is done either way. */
    boolean delete(String accessToken, String meetingId) {
        try {
            resilience.call("delete meeting " + meetingId, () -> rest.delete().uri("/meetings/{id}", meetingId)
                    .headers(h -> h.setBearerAuth(accessToken)).retrieve().toBodilessEntity());
            return true;
        } catch (ZoomNotFoundException gone) {
            return false;
        }
    }

    /** The meeting's fields; the agenda ends with the reference that lets a retry find it ({@link #create}). */
    static MeetingBody body(MeetingSpec spec, String reference) {
        String tail = "\n\n" + reference;
        String agenda = spec.agenda() == null || spec.agenda().isBlank() ? reference
                : cut(spec.agenda(), MAX_AGENDA - tail.length()) + tail;
        return new MeetingBody(cut(spec.topic(), MAX_TOPIC), SCHEDULED_MEETING, START_TIME.format(spec.startsAt()),
                spec.durationMinutes(), spec.timeZone().getId(), agenda);
    }

    private static CreatedMeeting meeting(JsonNode meeting) {
        if (meeting == null || text(meeting, "id") == null || text(meeting, "join_url") == null) {
            throw new ZoomException("Zoom answered without a meeting id or join_url");
        }
        return new CreatedMeeting(text(meeting, "id"), text(meeting, "join_url"), text(meeting, "password"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String cut(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
