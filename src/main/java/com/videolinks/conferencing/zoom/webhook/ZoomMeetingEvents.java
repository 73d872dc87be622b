package com.videolinks.conferencing.zoom.webhook;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.videolinks.alert.BusinessAlerts;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ZoomMeeting;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.conferencing.zoom.ZoomMeetingBroken;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/**
 * What a meeting event from Zoom means for our sessions. Deleted in Zoom: the meeting is forgotten (the session is
 * PENDING), re-created by a job, and the business alerted (customers may hold the old link). Changed in Zoom: the
 * link is held back until a job has read the meeting again and put its time back to the session's. Our own changes
 * echo back as meeting.updated with the values we sent, and are ignored.
 */
@Component
class ZoomMeetingEvents {

    static final String DELETED_ALERT = "zoom-meeting-deleted";
    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingEvents.class);

    private final ZoomMeetings meetings;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final BusinessAlerts alerts;
    private final ApplicationEventPublisher events;

    ZoomMeetingEvents(ZoomMeetings meetings, Sessions sessions, ServiceOfferings services, BusinessAlerts alerts,
                      ApplicationEventPublisher events) {
        this.meetings = meetings;
        this.sessions = sessions;
        this.services = services;
        this.alerts = alerts;
        this.events = events;
    }

    /** Returns what was done, for the log and the answer to Zoom. */
    @Transactional
    public String deleted(JsonNode object) {
        Optional<ZoomMeeting> owned = owned(object);
        if (owned.isEmpty()) {
            return "ignored: not a meeting of ours";
        }
        ZoomMeeting meeting = owned.get();
        meetings.remove(meeting.sessionId(), meeting.accountId());
        Session session = sessions.get(meeting.sessionId());
        long siteId = services.get(session.serviceId()).siteId();
        if (!session.cancelled()) {
            alerts.raise(siteId, DELETED_ALERT, "The Zoom meeting " + meeting.meetingId() + " of session "
                    + meeting.sessionId() + " was deleted in Zoom. A new meeting is being created; customers who "
                    + "received the old link need the new one.", null, List.of(meeting.sessionId()));
        }
        log.warn("Zoom meeting {} of session {} (site {}) was deleted in Zoom; its link is pending until a new meeting "
                + "is created", meeting.meetingId(), meeting.sessionId(), siteId);
        events.publishEvent(new ZoomMeetingBroken(meeting.sessionId(), meeting.accountId(), meeting.meetingId(),
                "deleted in Zoom"));
        return "meeting of session " + meeting.sessionId() + " marked broken";
    }

    @Transactional
    public String updated(JsonNode object) {
        Optional<ZoomMeeting> owned = owned(object);
        if (owned.isEmpty()) {
            return "ignored: not a meeting of ours";
        }
        ZoomMeeting meeting = owned.get();
        String changed = changedField(meeting, object);
        if (changed == null) {
            return "ignored: the values videolinks set";
        }
        meetings.markNeedsRefresh(meeting.sessionId(), meeting.accountId());
        log.info("Zoom meeting {} of session {} was changed in Zoom ({}); re-provisioning it", meeting.meetingId(),
                meeting.sessionId(), changed);
        events.publishEvent(new ZoomMeetingBroken(meeting.sessionId(), meeting.accountId(), meeting.meetingId(),
                "changed in Zoom (" + changed + ")"));
        return "meeting of session " + meeting.sessionId() + " marked for refresh";
    }

    private Optional<ZoomMeeting> owned(JsonNode object) {
        JsonNode id = object == null ? null : object.get("id");
        return id == null || id.isNull() ? Optional.empty() : meetings.findByMeetingId(id.asText());
    }

    /** The first field Zoom reports with a value other than what we set; null when all match (our own echo). */
    private static String changedField(ZoomMeeting meeting, JsonNode object) {
        if (object.hasNonNull("start_time") && meeting.startsAt() != null) {
            try {
                if (!Instant.parse(object.get("start_time").asText()).equals(meeting.startsAt())) {
                    return "start_time";
                }
            } catch (DateTimeParseException e) {
                return "start_time";
            }
        }
        if (object.hasNonNull("duration") && meeting.durationMinutes() != null
                && object.get("duration").asInt() != meeting.durationMinutes()) {
            return "duration";
        }
        if (object.hasNonNull("topic") && meeting.topic() != null && !object.get("topic").asText().equals(meeting.topic())) {
            return "topic";
        }
        if (object.hasNonNull("password") && !object.get("password").asText().equals(meeting.password())) {
            return "password";
        }
        if (object.hasNonNull("join_url") && !object.get("join_url").asText().equals(meeting.joinUrl())) {
            return "join_url";
        }
        return null;
    }
}
