package com.videolinks.session;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.catalog.ServiceDeleted;
import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;

/** Schedules, moves, cancels and switches sessions online or offline (S11, S20), announcing each change. */
@Service
public class SessionScheduling {

    private static final Logger log = LoggerFactory.getLogger(SessionScheduling.class);
    private static final Duration LONGEST_SESSION = Duration.ofHours(24);

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final ApplicationEventPublisher events;

    SessionScheduling(Sessions sessions, ServiceOfferings services, ApplicationEventPublisher events) {
        this.sessions = sessions;
        this.services = services;
        this.events = events;
    }

    /**
     * A new session of the service taking {@code capacity} customers (see {@link SessionCapacity}), taught by a staff
     * member assigned to it (S10) or by nobody in particular; {@code online} null: as the service is. Its Zoom meeting
     * is created if its link needs one (S5).
     */
    @Transactional
    public Session schedule(long serviceId, Long staffId, Instant startsAt, Instant endsAt, Boolean online, int capacity) {
        ServiceOffering service = services.get(serviceId);
        if (staffId != null && !service.staffIds().contains(staffId)) {
            throw new InvalidInputException("staffId", "staff member " + staffId + " is not assigned to service " + serviceId);
        }
        return schedule(serviceId, staffId, startsAt, endsAt, online == null ? service.online() : online.booleanValue(),
                capacity);
    }

    private Session schedule(long serviceId, Long staffId, Instant startsAt, Instant endsAt, boolean online, int capacity) {
        checkTimes(startsAt, endsAt);
        Session session = sessions.create(serviceId, staffId, startsAt, endsAt, online, capacity);
        events.publishEvent(new SessionChanged(session.id(), SessionChanged.Change.SCHEDULED));
        return session;
    }

    /** The session moves; its Zoom meeting moves with it. */
    @Transactional
    public Session move(long sessionId, Instant startsAt, Instant endsAt) {
        checkTimes(startsAt, endsAt);
        requireNotCancelled(sessions.get(sessionId));
        sessions.reschedule(sessionId, startsAt, endsAt);
        log.info("Session {} moved to {} - {}", sessionId, startsAt, endsAt);
        events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.MOVED));
        return sessions.get(sessionId);
    }

    /** The session will not take place; its Zoom meeting is deleted. Cancelling twice is harmless. */
    @Transactional
    public Session cancel(long sessionId) {
        Session session = sessions.get(sessionId);
        if (!session.cancelled()) {
            sessions.cancel(sessionId);
            log.info("Session {} cancelled", sessionId);
            events.publishEvent(new SessionChanged(sessionId, SessionChanged.Change.CANCELLED));
        }
        return sessions.get(sessionId);
    }

    /** S11, S20: a session switches between online and offline. */
    @Transactional
    public Session changeOnline(long sessionId, boolean online) {
        Session session = sessions.get(sessionId);
        requireNotCancelled(session);
        if (session.online() != online) {
            sessions.changeOnline(sessionId, online);
            events.publishEvent(new SessionChanged(sessionId,
                    online ? SessionChanged.Change.WENT_ONLINE : SessionChanged.Change.WENT_OFFLINE));
        }
        return sessions.get(sessionId);
    }

    /** A deleted service's sessions are cancelled; their Zoom meetings are deleted. */
    @EventListener
    void on(ServiceDeleted deleted) {
        for (Session session : sessions.ofService(deleted.serviceId())) {
            cancel(session.id());
        }
    }

    private static void requireNotCancelled(Session session) {
        if (session.cancelled()) {
            throw new ConflictException("session-cancelled", "Session " + session.id() + " is cancelled");
        }
    }

    private static void checkTimes(Instant startsAt, Instant endsAt) {
        if (!endsAt.isAfter(startsAt)) {
            throw new InvalidInputException("endsAt", "must be after startsAt");
        }
        if (Duration.between(startsAt, endsAt).compareTo(LONGEST_SESSION) > 0) {
            throw new InvalidInputException("endsAt", "a session lasts at most 24 hours");
        }
    }
}
