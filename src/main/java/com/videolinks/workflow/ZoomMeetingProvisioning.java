package com.videolinks.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.catalog.ServiceOffering;
import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.conferencing.ZoomMeeting;
import com.videolinks.conferencing.ZoomMeetings;
import com.videolinks.conferencing.zoom.CreatedMeeting;
import com.videolinks.conferencing.zoom.MeetingSpec;
import com.videolinks.conferencing.zoom.ZoomAccountDisconnectedException;
import com.videolinks.conferencing.zoom.ZoomMeetingApi;
import com.videolinks.conferencing.zoom.ZoomNotConfiguredException;
import com.videolinks.conferencing.zoom.ZoomRateLimitedException;
import com.videolinks.links.SessionLinks;
import com.videolinks.notification.LinkChangeNotices;
import com.videolinks.policy.vocabulary.MeetingRequirement;
import com.videolinks.session.Session;
import com.videolinks.session.Sessions;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;

/**
 * Brings a session's Zoom meetings in line with what the link policy wants now: creates the meeting under the host
 * account it selects, moves it with the session, deletes it when the session is cancelled, goes offline, has its link
 * removed or replaced by hand (S11, S20), or changes host. Idempotent: a second run with nothing changed calls no one.
 * Runs inside the provisioning job; a meeting created in Zoom is recorded at once in a transaction of its own, so a
 * job that fails afterwards never leaves an unknown meeting behind.
 */
@Service
public class ZoomMeetingProvisioning {

    /** What a run did, for the process variables ("outcome", "host") and the log. */
    public record Outcome(String summary, String host) {
    }

    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingProvisioning.class);

    private final Sessions sessions;
    private final ServiceOfferings services;
    private final Sites sites;
    private final SessionLinks links;
    private final ZoomMeetings meetings;
    private final ZoomMeetingApi zoom;
    private final SessionSyncLocks locks;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final LinkChangeNotices notices;

    ZoomMeetingProvisioning(Sessions sessions, ServiceOfferings services, Sites sites, SessionLinks links,
                            ZoomMeetings meetings, ZoomMeetingApi zoom, SessionSyncLocks locks, Clock clock,
                            PlatformTransactionManager transactions, LinkChangeNotices notices) {
        this.notices = notices;
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.links = links;
        this.meetings = meetings;
        this.zoom = zoom;
        this.locks = locks;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Whether {@link #sync} would do anything: read-only, no Zoom call. Used before starting a job, so changes that
     * do not touch a Zoom meeting (most sessions use shared links) start no process.
     */
    @Transactional(readOnly = true)
    public boolean needsWork(long sessionId) {
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return false;
        }
        MeetingRequirement need = links.view(session).meeting();
        List<ZoomMeeting> have = meetings.ofSession(sessionId);
        if (have.stream().anyMatch(m -> !keeps(need, m))) {
            return true;
        }
        if (need.need() != MeetingRequirement.Need.MEETING) {
            return false;
        }
        Optional<ZoomMeeting> hosted = have.stream().filter(m -> m.accountId() == need.accountId()).findFirst();
        return hosted.isEmpty() || hosted.get().needsRefresh() || !matches(hosted.get(), spec(session));
    }

    /** The host a run would use, for naming the process instance in Cockpit before it runs. */
    @Transactional(readOnly = true)
    public String expectedHost(long sessionId) {
        MeetingRequirement need = links.view(sessionId).meeting();
        return need.need() == MeetingRequirement.Need.MEETING ? zoom.hostLabel(need.accountId()) : null;
    }

    /**
     * Brings the session's meetings in line. Throws {@link ZoomRateLimitedException} (wait, then run again),
     * {@link ZoomAccountDisconnectedException} (the host's grant is gone; already alerted),
     * {@link ZoomNotConfiguredException} (no Zoom app on this service: wait for one) or
     * {@link ProvisioningFailedException} (retry, then incident).
     */
    @Transactional(noRollbackFor = {ZoomRateLimitedException.class, ZoomAccountDisconnectedException.class,
            ZoomNotConfiguredException.class})
    public Outcome sync(long sessionId) {
        locks.lock(sessionId);
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return new Outcome("session is over; its meeting is left as it is", null);
        }
        MeetingRequirement need = links.view(session).meeting();
        String host = need.need() == MeetingRequirement.Need.MEETING ? zoom.hostLabel(need.accountId()) : null;
        List<String> done = new ArrayList<>();
        try {
            for (ZoomMeeting meeting : meetings.ofSession(sessionId)) {
                if (!keeps(need, meeting)) {
                    done.add(delete(meeting, need.reason()));
                }
            }
            if (need.need() == MeetingRequirement.Need.MEETING) {
                done.add(ensure(session, need.accountId(), host));
            }
        } catch (ZoomRateLimitedException | ZoomAccountDisconnectedException | ZoomNotConfiguredException expected) {
            throw expected;
        } catch (RuntimeException e) {
            throw new ProvisioningFailedException(sessionId, host, e.getMessage());
        }
        String summary = done.isEmpty() ? "nothing to do: " + need.reason() : String.join("; ", done);
        if (!done.isEmpty()) {
            // a meeting created, recreated or deleted may change what the session's customers hold (#13)
            notices.sessionsChanged(List.of(sessionId), "Zoom: " + summary);
        }
        log.info("Session {}: {}", sessionId, summary);
        return new Outcome(summary, host);
    }

    private String ensure(Session session, long accountId, String host) {
        MeetingSpec spec = spec(session);
        Optional<ZoomMeeting> existing = meetings.ofSession(session.id()).stream()
                .filter(m -> m.accountId() == accountId).findFirst();
        if (existing.isEmpty()) {
            return create(session, accountId, spec, host);
        }
        ZoomMeeting meeting = existing.get();
        if (meeting.needsRefresh()) {
            Optional<CreatedMeeting> current = zoom.read(accountId, meeting.meetingId());
            if (current.isEmpty() || !zoom.update(accountId, meeting.meetingId(), spec)) {
                forget(meeting);
                return "meeting " + meeting.meetingId() + " is gone from Zoom; " + create(session, accountId, spec, host);
            }
            meetings.refreshed(session.id(), accountId, current.get().joinUrl(), current.get().password());
            meetings.updateSchedule(session.id(), accountId, spec.startsAt(), spec.durationMinutes(), spec.topic());
            return "meeting " + meeting.meetingId() + " read back from Zoom and set to the session's time";
        }
        if (!matches(meeting, spec)) {
            if (!zoom.update(accountId, meeting.meetingId(), spec)) {
                forget(meeting);
                return "meeting " + meeting.meetingId() + " is gone from Zoom; " + create(session, accountId, spec, host);
            }
            meetings.updateSchedule(session.id(), accountId, spec.startsAt(), spec.durationMinutes(), spec.topic());
            return "meeting " + meeting.meetingId() + " moved to " + spec.startsAt();
        }
        return "meeting " + meeting.meetingId() + " is up to date";
    }

    private String create(Session session, long accountId, MeetingSpec spec, String host) {
        CreatedMeeting created = zoom.create(accountId, spec);
        ownTransaction.executeWithoutResult(status -> meetings.recordCreated(new ZoomMeeting(session.id(), accountId,
                created.meetingId(), created.joinUrl(), created.password(), spec.startsAt(), spec.durationMinutes(),
                spec.topic(), false)));
        return "meeting " + created.meetingId() + " created under " + host;
    }

    private String delete(ZoomMeeting meeting, String why) {
        try {
            zoom.delete(meeting.accountId(), meeting.meetingId());
        } catch (ZoomAccountDisconnectedException e) {
            // the host's grant is gone: the meeting cannot be deleted by us, and it is no longer shown either
            log.info("Session {}: meeting {} forgotten without deleting it in Zoom: {}", meeting.sessionId(),
                    meeting.meetingId(), e.getMessage());
        }
        forget(meeting);
        return "meeting " + meeting.meetingId() + " deleted (" + why + ")";
    }

    private void forget(ZoomMeeting meeting) {
        meetings.remove(meeting.sessionId(), meeting.accountId());
    }

    private static boolean keeps(MeetingRequirement need, ZoomMeeting meeting) {
        return switch (need.need()) {
            case UNDECIDED -> true;
            case NO_MEETING -> false;
            case MEETING -> Objects.equals(need.accountId(), meeting.accountId());
        };
    }

    private boolean isOver(Session session) {
        return !session.endsAt().isAfter(clock.instant());
    }

    private static boolean matches(ZoomMeeting meeting, MeetingSpec spec) {
        return spec.startsAt().equals(meeting.startsAt())
                && Integer.valueOf(spec.durationMinutes()).equals(meeting.durationMinutes())
                && spec.topic().equals(meeting.topic());
    }

    private MeetingSpec spec(Session session) {
        ServiceOffering service = services.get(session.serviceId());
        Site site = sites.get(service.siteId());
        long seconds = Duration.between(session.startsAt(), session.endsAt()).toSeconds();
        int duration = (int) Math.max(1, (seconds + 59) / 60);
        return new MeetingSpec(service.name(), session.startsAt(), duration, site.timeZone(), site.name());
    }
}
