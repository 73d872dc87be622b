package com.videolinks.conferencing.zoom;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

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

    /** Creates a scheduled meeting hosted by the token's user ("me": a user-level app acts for that user only). */
    CreatedMeeting create(String accessToken, MeetingSpec spec) {
        JsonNode meeting = resilience.call("create meeting", () -> rest.post().uri("/users/me/meetings")
                .headers(h -> h.setBearerAuth(accessToken)).contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_JSON).body(body(spec)).retrieve().body(JsonNode.class));
        return meeting(meeting);
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
    boolean update(String accessToken, String meetingId, MeetingSpec spec) {
        try {
            resilience.call("update meeting " + meetingId, () -> rest.patch().uri("/meetings/{id}", meetingId)
                    .headers(h -> h.setBearerAuth(accessToken)).contentType(MediaType.APPLICATION_JSON)
                    .body(body(spec)).retrieve().toBodilessEntity());
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

    static MeetingBody body(MeetingSpec spec) {
        return new MeetingBody(cut(spec.topic(), MAX_TOPIC), SCHEDULED_MEETING, START_TIME.format(spec.startsAt()),
                spec.durationMinutes(), spec.timeZone().getId(), cut(spec.agenda(), MAX_AGENDA));
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
