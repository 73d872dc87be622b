package com.videolinks.links;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.security.Access;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;

/** "What link does session X show on channel Y, and why?" for the business and its staff. */
@RestController
class LinkController {

    private final SessionLinks links;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Access access;

    LinkController(SessionLinks links, Sessions sessions, ServiceOfferings services, Access access) {
        this.links = links;
        this.sessions = sessions;
        this.services = services;
        this.access = access;
    }

    @GetMapping("/api/sessions/{sessionId}/link")
    LinkDecision link(@PathVariable long sessionId,
                      @RequestParam(defaultValue = "BUSINESS_CALENDAR") Channel channel) {
        Session session = sessions.get(sessionId);
        long siteId = services.get(session.serviceId()).siteId();
        access.requireSiteMember(siteId, "session", sessionId);
        LinkDecision decision = links.decide(session, channel);
        // staff read every session of their site, the passwords of their own sessions' links only (#11, S13)
        return access.maySeeLinkSecrets(siteId, staffOf(session)) ? decision : decision.withoutLinkPassword();
    }

    private static List<Long> staffOf(Session session) {
        return session.staffId() == null ? List.of() : List.of(session.staffId());
    }
}
