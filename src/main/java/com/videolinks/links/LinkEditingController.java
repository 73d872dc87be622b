package com.videolinks.links;

import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.LinkInput;
import com.videolinks.security.Access;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

import jakarta.validation.Valid;

/** Adding and removing links by hand. Staff may change only their own sessions (S13). */
@RestController
class LinkEditingController {

    private final LinkEditing editing;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Access access;

    LinkEditingController(LinkEditing editing, Sessions sessions, ServiceOfferings services, Access access) {
        this.editing = editing;
        this.sessions = sessions;
        this.services = services;
        this.access = access;
    }

    @PutMapping("/api/sessions/{sessionId}/link")
    Session add(@PathVariable long sessionId, @Valid @RequestBody LinkInput link) {
        requireSessionEditor(sessionId);
        return editing.addSessionLink(sessionId, link.toLink());
    }

    @DeleteMapping("/api/sessions/{sessionId}/link")
    Session remove(@PathVariable long sessionId) {
        requireSessionEditor(sessionId);
        return editing.removeSessionLink(sessionId);
    }

    /** #13 item 4, S11: a Zoom meeting of its own for this one session; undone like an added link (link-override). */
    @PostMapping("/api/sessions/{sessionId}/zoom-meeting")
    Session addZoomMeeting(@PathVariable long sessionId) {
        requireSessionEditor(sessionId);
        return editing.addSessionZoomMeeting(sessionId);
    }

    @DeleteMapping("/api/sessions/{sessionId}/link-override")
    Session restore(@PathVariable long sessionId) {
        requireSessionEditor(sessionId);
        return editing.restoreSessionLink(sessionId);
    }

    @PutMapping("/api/services/{serviceId}/course-link")
    ServiceOffering changeCourseLink(@PathVariable long serviceId, @Valid @RequestBody LinkInput link) {
        access.requireSiteManager(services.get(serviceId).siteId(), "service", serviceId);
        return editing.changeCourseLink(serviceId, link.toLink());
    }

    @DeleteMapping("/api/services/{serviceId}/course-link")
    ServiceOffering removeCourseLink(@PathVariable long serviceId) {
        access.requireSiteManager(services.get(serviceId).siteId(), "service", serviceId);
        return editing.changeCourseLink(serviceId, null);
    }

    private void requireSessionEditor(long sessionId) {
        Session session = sessions.get(sessionId);
        if (session.staffId() != null && access.isStaff(session.staffId())) {
            return;
        }
        access.requireSiteManager(services.get(session.serviceId()).siteId(), "session", sessionId);
    }
}
