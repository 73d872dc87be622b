package com.videolinks.links;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import java.util.List;

import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.policy.vocabulary.SessionView;
import com.videolinks.policy.vocabulary.ManualLink;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.session.Session;
import com.videolinks.session.SessionChanged;
import com.videolinks.session.Sessions;

/**
 * Changes to links by hand: on one session (S11, S20) or on a whole course (S18, S19). Each change is announced
 * ({@link SessionChanged}, {@link CourseLinkChanged}) inside its transaction, so what it causes (Zoom meetings,
 * link-changed emails when what customers are shown really changed, #13) commits or rolls back with it.
 */
@Service
public class LinkEditing {

    private static final Logger log = LoggerFactory.getLogger(LinkEditing.class);

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final ApplicationEventPublisher events;
    private final SessionLinks links;

    LinkEditing(Sessions sessions, ServiceOfferings services, ApplicationEventPublisher events, SessionLinks links) {
        this.links = links;
        this.sessions = sessions;
        this.services = services;
        this.events = events;
    }

    /** S11, S20: the session shows this link, even if it was offline, whatever account would serve it. */
    @Transactional
    public Session addSessionLink(long sessionId, Link link) {
        Session changed = changeManualLink(sessionId, ManualLink.ADDED, link);
        log.info("Link added by hand to session {}", sessionId);
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.LINK_ADDED));
        return changed;
    }

    /** S11: the session shows no link until the removal is undone. */
    @Transactional
    public Session removeSessionLink(long sessionId) {
        Session changed = changeManualLink(sessionId, ManualLink.REMOVED, null);
        log.info("Link removed by hand from session {}", sessionId);
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.LINK_REMOVED));
        return changed;
    }

    /**
     * #13 item 4, S11: the session gets a Zoom meeting of its own, created through the provisioning process like
     * every other. The rules pick its host (the staff member's own Zoom, else the site's); when they conclude that
     * none can host it, 409 {@code no-zoom-account} with their reasons and nothing changes. An offline or cancelled
     * session is refused the same way (409): make it online first.
     */
    @Transactional
    public Session addSessionZoomMeeting(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session.cancelled()) {
            throw new ConflictException("session-cancelled", "Session " + sessionId + " is cancelled; it gets no Zoom meeting");
        }
        if (!session.online()) {
            throw new ConflictException("session-offline", "Session " + sessionId + " is offline (in person); make it "
                    + "online before asking for a Zoom meeting (S11, S20)");
        }
        SessionView asked = links.viewsIfGivenZoomMeeting(List.of(session)).get(sessionId);
        if (asked.meeting().need() != MeetingRequirement.Need.MEETING) {
            LinkDecision calendar = asked.on(Channel.BUSINESS_CALENDAR);
            List<String> reasons = calendar.reasons().isEmpty() ? List.of(asked.meeting().reason()) : calendar.reasons();
            throw new ConflictException("no-zoom-account", "Session " + sessionId + " cannot get a Zoom meeting: "
                    + String.join(" ", reasons), reasons);
        }
        Session changed = changeManualLink(sessionId, ManualLink.ZOOM_ADDED, null);
        log.info("Zoom meeting asked for by hand on session {}", sessionId);
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.ZOOM_MEETING_ADDED));
        return changed;
    }

    /** Undoes an add or a remove: the session goes back to the link its accounts give it. */
    @Transactional
    public Session restoreSessionLink(long sessionId) {
        Session changed = changeManualLink(sessionId, ManualLink.NONE, null);
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.LINK_RESTORED));
        return changed;
    }

    /**
     * S18, S19: the course's link changes for every past and future session at once (sessions read it from the
     * course). Customers holding the old link are notified by the course link workflow.
     */
    @Transactional
    public ServiceOffering changeCourseLink(long serviceId, Link link) {
        ServiceOffering service = services.get(serviceId);
        if (service.kind() != ServiceKind.COURSE) {
            throw new ConflictException("not-a-course",
                    "Service " + serviceId + " is a " + service.kind() + "; only courses have a course link (S18)");
        }
        if (link != null && sessions.countOfService(serviceId) == 0) {
            throw new ConflictException("course-has-no-session",
                    "Save at least one session of the course before adding its link (S18)");
        }
        services.changeCourseLink(serviceId, link);
        ServiceOffering changed = services.get(serviceId);
        log.info("Course {} link {} (version {})", serviceId, link == null ? "removed" : "changed",
                changed.courseLinkVersion());
        events.publishEvent(new CourseLinkChanged(serviceId, changed.courseLinkVersion(), service.courseLink(), link));
        return changed;
    }

    private Session changeManualLink(long sessionId, ManualLink manualLink, Link link) {
        Session session = sessions.get(sessionId);
        if (session.cancelled()) {
            // #12: a form opened before the cancellation must not give a cancelled session a link (nor email its customers)
            throw new ConflictException("session-cancelled", "Session " + sessionId + " is cancelled; its link cannot change");
        }
        sessions.changeManualLink(sessionId, manualLink, link);
        return sessions.get(sessionId);
    }
}
