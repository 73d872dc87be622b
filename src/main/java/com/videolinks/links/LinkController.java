package com.videolinks.links;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.NotFoundException;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.security.Access;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;

/** "What link does session X show on channel Y, and why?" for the business and its staff. */
@RestController
class LinkController {

    private final SessionLinks links;
    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final Access access;

    LinkController(SessionLinks links, Sessions sessions, ServiceOfferings services, Sites sites, Access access) {
        this.links = links;
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.access = access;
    }

    @GetMapping("/api/sessions/{sessionId}/link")
    LinkDecision link(@PathVariable long sessionId,
                      @RequestParam(defaultValue = "BUSINESS_CALENDAR") Channel channel) {
        // each row once per request: the access checks use the site read here, the facts the session, service, site
        Session session = sessions.get(sessionId);
        ServiceOffering service = services.get(session.serviceId());
        Site site = sites.find(service.siteId()).orElseThrow(() -> new NotFoundException("session", sessionId));
        access.requireSiteMember(site.id(), site.ownerUsername(), "session", sessionId);
        LinkDecision decision = links.decide(session, service, site, channel);
        // staff read every session of their site, the passwords of their own sessions' links only (#11, S13)
        return access.maySeeLinkSecrets(site.id(), site.ownerUsername(), staffOf(session)) ? decision
                : decision.withoutLinkPassword();
    }

    private static List<Long> staffOf(Session session) {
        return session.staffId() == null ? List.of() : List.of(session.staffId());
    }
}
