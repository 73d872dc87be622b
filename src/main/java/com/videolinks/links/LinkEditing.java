package com.videolinks.links;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import com.videolinks.policy.vocabulary.Link;
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

    LinkEditing(Sessions sessions, ServiceOfferings services, ApplicationEventPublisher events) {
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
