package com.videolinks.session;

import java.time.Instant;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.security.Access;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Sessions of a service: schedule, move, cancel, online/offline (S11, S20). A session's staff member must be assigned to the service (S10). */
@RestController
class SessionController {

    record NewSession(Long staffId, @NotNull Instant startsAt, @NotNull Instant endsAt, Boolean online, Integer capacity) {
    }

    record NewTimes(@NotNull Instant startsAt, @NotNull Instant endsAt) {
    }

    record OnlineChange(@NotNull Boolean online) {
    }

    private final Sessions sessions;
    private final SessionScheduling scheduling;
    private final ServiceOfferings services;
    private final Access access;

    SessionController(Sessions sessions, SessionScheduling scheduling, ServiceOfferings services, Access access) {
        this.sessions = sessions;
        this.scheduling = scheduling;
        this.services = services;
        this.access = access;
    }

    @PostMapping("/api/services/{serviceId}/sessions")
    @ResponseStatus(HttpStatus.CREATED)
    Session schedule(@PathVariable long serviceId, @Valid @RequestBody NewSession session) {
        ServiceOffering service = services.get(serviceId);
        access.requireSiteManager(service.siteId(), "service", serviceId);
        int capacity = SessionCapacity.of(service.kind(), session.capacity());
        return scheduling.schedule(serviceId, session.staffId(), session.startsAt(), session.endsAt(), session.online(),
                capacity);
    }

    @PutMapping("/api/sessions/{sessionId}/schedule")
    Session move(@PathVariable long sessionId, @Valid @RequestBody NewTimes times) {
        requireManagerOf(sessionId);
        return scheduling.move(sessionId, times.startsAt(), times.endsAt());
    }

    @PostMapping("/api/sessions/{sessionId}/cancellation")
    Session cancel(@PathVariable long sessionId) {
        requireManagerOf(sessionId);
        return scheduling.cancel(sessionId);
    }

    @PutMapping("/api/sessions/{sessionId}/online")
    Session changeOnline(@PathVariable long sessionId, @Valid @RequestBody OnlineChange change) {
        requireManagerOf(sessionId);
        return scheduling.changeOnline(sessionId, change.online());
    }

    private void requireManagerOf(long sessionId) {
        access.requireSiteManager(services.get(sessions.get(sessionId).serviceId()).siteId(), "session", sessionId);
    }

    @GetMapping("/api/services/{serviceId}/sessions")
    List<Session> ofService(@PathVariable long serviceId) {
        long siteId = services.get(serviceId).siteId();
        access.requireSiteMember(siteId, "service", serviceId);
        return sessions.ofService(serviceId).stream().map(session -> readableBy(siteId, session)).toList();
    }

    @GetMapping("/api/sessions/{sessionId}")
    Session one(@PathVariable long sessionId) {
        Session session = sessions.get(sessionId);
        long siteId = services.get(session.serviceId()).siteId();
        access.requireSiteMember(siteId, "session", sessionId);
        return readableBy(siteId, session);
    }

    /** Staff read every session of their site, the password of their own sessions' links only (#11, S13). */
    private Session readableBy(long siteId, Session session) {
        List<Long> staff = session.staffId() == null ? List.of() : List.of(session.staffId());
        return access.maySeeLinkSecrets(siteId, staff) ? session : session.withoutLinkPassword();
    }
}
