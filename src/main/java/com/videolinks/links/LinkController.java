package com.videolinks.links;

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
        access.requireSiteMember(services.get(session.serviceId()).siteId());
        return links.decide(session, channel);
    }
}
