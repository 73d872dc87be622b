package com.videolinks.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

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
 *
 * <p>#14: no Zoom call runs inside a transaction of ours or under a row lock. A run (1) decides in a short
 * transaction under the session's row lock, reserves a meeting creation from the host's daily quota and claims the
 * session; (2) calls Zoom with nothing locked, recording each result at once in a short transaction of its own (a
 * meeting created in Zoom is never unknown to us); (3) takes the lock again, releases the claim and looks at the
 * session once more: a change made meanwhile (moved, cancelled, another host) is synced in another round. A run that
 * finds a live claim leaves the session to its holder, whose step 3 sees the change. Every recording step tells the
 * session's customers of an effective change of their link ({@link LinkChangeNotices}, idempotent), so a crash
 * between steps loses no notice.
 */
@Service
public class ZoomMeetingProvisioning {

    /** What a run did, for the process variables ("outcome", "host") and the log. */
    public record Outcome(String summary, String host) {
    }

    /** A change made to the session while Zoom was called is synced in another round, this many at most. */
    static final int MAX_ROUNDS = 3;
    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingProvisioning.class);

    private enum Action { NONE, CREATE, REFRESH, MOVE }

    /**
     * What step 1 decided under the lock: the requirement and meeting spec it was based on, the meetings to delete,
     * what to do about the meeting the requirement wants. {@code token} is null when there is nothing to call.
     */
    private record Plan(String token, MeetingRequirement need, MeetingSpec spec, String host, List<ZoomMeeting> toDelete,
                        Action action, ZoomMeeting meeting, ZoomRateLimitedException quotaSpent, String summary) {

        static Plan nothing(String summary, String host) {
            return new Plan(null, null, null, host, List.of(), Action.NONE, null, null, summary);
        }
    }

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
    private final Duration claimFor;

    ZoomMeetingProvisioning(Sessions sessions, ServiceOfferings services, Sites sites, SessionLinks links,
                            ZoomMeetings meetings, ZoomMeetingApi zoom, SessionSyncLocks locks, Clock clock,
                            PlatformTransactionManager transactions, LinkChangeNotices notices,
                            ProcessesProperties properties) {
        this.notices = notices;
        this.sessions = sessions;
        this.services = services;
        this.sites = sites;
        this.links = links;
        this.meetings = meetings;
        this.zoom = zoom;
        this.locks = locks;
        this.clock = clock;
        this.claimFor = properties.zoomCallClaim();
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Whether {@link #sync} would do anything: read-only, no Zoom call. Used before starting a job, so changes that
     * do not touch a Zoom meeting (most sessions use shared links) start no process. A session whose meeting is being
     * synced right now needs work too: the change that asks may have come after the running sync looked.
     */
    @Transactional(readOnly = true)
    public boolean needsWork(long sessionId) {
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return false;
        }
        if (locks.claimed(sessionId, clock.instant())) {
            return true;
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

    /**
     * The Zoom account under which the session would get a new meeting, or null when it needs no creation (it has
     * its meeting, needs none, or is over). Read-only, for the re-link's estimate of creations per host.
     */
    @Transactional(readOnly = true)
    public Long creationNeededUnder(long sessionId) {
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return null;
        }
        MeetingRequirement need = links.view(session).meeting();
        if (need.need() != MeetingRequirement.Need.MEETING) {
            return null;
        }
        boolean hosted = meetings.ofSession(sessionId).stream().anyMatch(m -> m.accountId() == need.accountId());
        return hosted ? null : need.accountId();
    }

    /** The host a run would use, for naming the process instance in Cockpit before it runs. */
    @Transactional(readOnly = true)
    public String expectedHost(long sessionId) {
        MeetingRequirement need = links.view(sessionId).meeting();
        return need.need() == MeetingRequirement.Need.MEETING ? zoom.hostLabel(need.accountId()) : null;
    }

    /**
     * Brings the session's meetings in line. Throws {@link ZoomRateLimitedException} (wait, then run again; a daily
     * one after the deletions the run could make), {@link ZoomAccountDisconnectedException} (the host's grant is
     * gone; already alerted), {@link ZoomNotConfiguredException} (no Zoom app on this service: wait for one) or
     * {@link ProvisioningFailedException} (retry, then incident). Must not run inside a transaction that holds locks
     * other jobs or requests need: every database step here is a short transaction of its own.
     */
    public Outcome sync(long sessionId) {
        List<String> done = new ArrayList<>();
        String host = null;
        for (int round = 1; ; round++) {
            Plan plan = ownTransaction.execute(status -> plan(sessionId));
            host = plan.host();
            if (plan.token() == null) {
                if (done.isEmpty()) {
                    log.info("Session {}: {}", sessionId, plan.summary());
                    return new Outcome(plan.summary(), host);
                }
                break;
            }
            RuntimeException failure = null;
            try {
                perform(sessionId, plan, done);
            } catch (RuntimeException e) {
                failure = e;
            }
            String cause = "Zoom: " + (done.isEmpty() ? plan.summary() : String.join("; ", done));
            boolean unchanged = Boolean.TRUE.equals(ownTransaction.execute(status -> settle(sessionId, plan, cause)));
            if (failure instanceof ZoomRateLimitedException || failure instanceof ZoomAccountDisconnectedException
                    || failure instanceof ZoomNotConfiguredException) {
                throw failure;
            }
            if (failure != null) {
                throw new ProvisioningFailedException(sessionId, plan.host(), failure.getMessage());
            }
            if (plan.quotaSpent() != null) {
                throw plan.quotaSpent();
            }
            if (unchanged) {
                break;
            }
            if (round == MAX_ROUNDS) {
                throw new ProvisioningFailedException(sessionId, plan.host(), "the session kept changing while its "
                        + "Zoom meeting was synced (" + MAX_ROUNDS + " rounds); the job tries again");
            }
            log.info("Session {}: changed while Zoom was called ({}); looking again", sessionId, String.join("; ", done));
        }
        String summary = String.join("; ", done);
        log.info("Session {}: {}", sessionId, summary);
        return new Outcome(summary, host);
    }

    /** Step 1, in a short transaction under the session's row lock: what to call, the claim, the quota reserved. */
    private Plan plan(long sessionId) {
        locks.lock(sessionId);
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return Plan.nothing("session is over; its meeting is left as it is", null);
        }
        MeetingRequirement need = links.view(session).meeting();
        String host = need.need() == MeetingRequirement.Need.MEETING ? zoom.hostLabel(need.accountId()) : null;
        Instant now = clock.instant();
        if (locks.claimed(sessionId, now)) {
            return Plan.nothing("another run is calling Zoom for this session; it looks at the session again before "
                    + "it finishes", host);
        }
        List<ZoomMeeting> have = meetings.ofSession(sessionId);
        List<ZoomMeeting> toDelete = have.stream().filter(m -> !keeps(need, m)).toList();
        Action action = Action.NONE;
        ZoomMeeting meeting = null;
        MeetingSpec spec = null;
        ZoomRateLimitedException quotaSpent = null;
        String summary = "nothing to do: " + need.reason();
        if (need.need() == MeetingRequirement.Need.MEETING) {
            spec = spec(session);
            meeting = have.stream().filter(m -> m.accountId() == need.accountId()).findFirst().orElse(null);
            if (meeting == null) {
                try {
                    zoom.reserveCreation(need.accountId());
                    action = Action.CREATE;
                } catch (ZoomRateLimitedException spent) {
                    quotaSpent = spent;
                }
            } else if (meeting.needsRefresh()) {
                action = Action.REFRESH;
            } else if (!matches(meeting, spec)) {
                action = Action.MOVE;
            } else {
                summary = "meeting " + meeting.meetingId() + " is up to date";
            }
        }
        if (toDelete.isEmpty() && action == Action.NONE) {
            if (quotaSpent != null) {
                throw quotaSpent;
            }
            return Plan.nothing(summary, host);
        }
        String token = UUID.randomUUID().toString();
        locks.claim(sessionId, token, now.plus(claimFor));
        return new Plan(token, need, spec, host, toDelete, action, meeting, quotaSpent, summary);
    }

    /** Step 2: the Zoom calls, no transaction of ours open; each result recorded at once. */
    private void perform(long sessionId, Plan plan, List<String> done) {
        for (ZoomMeeting meeting : plan.toDelete()) {
            done.add(delete(meeting, plan.need().reason()));
        }
        ZoomMeeting meeting = plan.meeting();
        long accountId = plan.need().need() == MeetingRequirement.Need.MEETING ? plan.need().accountId() : 0;
        switch (plan.action()) {
            case NONE -> {
            }
            case CREATE -> done.add(create(sessionId, accountId, plan.spec(), plan.host(), true));
            case REFRESH -> {
                Optional<CreatedMeeting> current = zoom.read(accountId, meeting.meetingId());
                if (current.isEmpty() || !zoom.update(accountId, sessionId, meeting.meetingId(), plan.spec())) {
                    forget(meeting);
                    done.add("meeting " + meeting.meetingId() + " is gone from Zoom; "
                            + create(sessionId, accountId, plan.spec(), plan.host(), false));
                } else {
                    record(sessionId, () -> {
                        meetings.refreshed(sessionId, accountId, current.get().joinUrl(), current.get().password());
                        meetings.updateSchedule(sessionId, accountId, plan.spec().startsAt(),
                                plan.spec().durationMinutes(), plan.spec().topic());
                    }, "meeting read back from Zoom");
                    done.add("meeting " + meeting.meetingId() + " read back from Zoom and set to the session's time");
                }
            }
            case MOVE -> {
                if (!zoom.update(accountId, sessionId, meeting.meetingId(), plan.spec())) {
                    forget(meeting);
                    done.add("meeting " + meeting.meetingId() + " is gone from Zoom; "
                            + create(sessionId, accountId, plan.spec(), plan.host(), false));
                } else {
                    record(sessionId, () -> meetings.updateSchedule(sessionId, accountId, plan.spec().startsAt(),
                            plan.spec().durationMinutes(), plan.spec().topic()), "meeting moved");
                    done.add("meeting " + meeting.meetingId() + " moved to " + plan.spec().startsAt());
                }
            }
        }
    }

    /**
     * Step 3, in a short transaction under the lock: the claim is released, and whether the session still asks for
     * what step 1 planned (false: it changed meanwhile, sync again). Customers hear of the effective change.
     */
    private boolean settle(long sessionId, Plan plan, String cause) {
        locks.lock(sessionId);
        locks.release(sessionId, plan.token());
        notices.sessionsChanged(List.of(sessionId), cause);
        Session session = sessions.get(sessionId);
        if (isOver(session)) {
            return true;
        }
        MeetingRequirement now = links.view(session).meeting();
        boolean sameNeed = now.need() == plan.need().need() && Objects.equals(now.accountId(), plan.need().accountId());
        boolean sameSpec = plan.spec() == null || now.need() != MeetingRequirement.Need.MEETING
                || plan.spec().equals(spec(session));
        return sameNeed && sameSpec;
    }

    private String create(long sessionId, long accountId, MeetingSpec spec, String host, boolean reserved) {
        CreatedMeeting created = reserved ? zoom.createReserved(accountId, sessionId, spec) : zoom.create(accountId, sessionId, spec);
        record(sessionId, () -> meetings.recordCreated(new ZoomMeeting(sessionId, accountId, created.meetingId(),
                created.joinUrl(), created.password(), spec.startsAt(), spec.durationMinutes(), spec.topic(), false)),
                "meeting " + created.meetingId() + " created");
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
        record(meeting.sessionId(), () -> meetings.remove(meeting.sessionId(), meeting.accountId()),
                "meeting " + meeting.meetingId() + " forgotten");
    }

    /** What Zoom did, written at once in a short transaction of its own, with the customers' notices (#13). */
    private void record(long sessionId, Runnable write, String cause) {
        ownTransaction.executeWithoutResult(status -> {
            write.run();
            notices.sessionsChanged(List.of(sessionId), "Zoom: " + cause);
        });
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
