package com.videolinks.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.InvalidInputException;
import com.videolinks.security.Access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Sessions of a service. A session's staff member must be assigned to the service (S10). */
@RestController
class SessionController {

    private static final Duration LONGEST_SESSION = Duration.ofHours(24);

    record NewSession(Long staffId, @NotNull Instant startsAt, @NotNull Instant endsAt, Boolean online) {
    }

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Access access;

    SessionController(Sessions sessions, ServiceOfferings services, Access access) {
        this.sessions = sessions;
        this.services = services;
        this.access = access;
    }

    @PostMapping("/api/services/{serviceId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session schedule(@PathVariable long serviceId, @Valid @RequestBody NewSession session) {
        ServiceOffering service = services.get(serviceId);
        access.requireSiteManager(service.siteId());
        if (!session.endsAt().isAfter(session.startsAt())) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        if (Duration.between(session.startsAt(), session.endsAt()).compareTo(LONGEST_SESSION) > 0) {
            throw new InvalidInputException("endsAt", "a session lasts at most 24 hours");
        }
        if (session.staffId() != null && !service.staffIds().contains(session.staffId())) {
            throw new InvalidInputException("staffId", "staff member " + session.staffId()
                    + " is not assigned to service " + serviceId);
        }
        boolean online = session.online() == null ? service.online() : session.online();
        return sessions.create(serviceId, session.staffId(), session.startsAt(), session.endsAt(), online);
    }

    @GetMapping("/api/services/{serviceId}/sessions")
    List<Session> ofService(@PathVariable long serviceId) {
        access.requireSiteMember(services.get(serviceId).siteId());
        return sessions.ofService(serviceId);
    }

    @GetMapping("/api/sessions/{sessionId}")
    Session one(@PathVariable long sessionId) {
        Session session = sessions.get(sessionId);
        access.requireSiteMember(services.get(session.serviceId()).siteId());
        return session;
    }
}
