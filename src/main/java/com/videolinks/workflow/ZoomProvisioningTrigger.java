package com.videolinks.workflow;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.zoom.ZoomMeetingBroken;
import com.videolinks.session.SessionChanged;
import com.videolinks.session.Sessions;

/**
 * Starts a Zoom meeting provisioning process for every session whose meeting must change. Listens synchronously, so
 * the process instance (and its first async job) is written in the same transaction as the change that caused it:
 * either both are committed or neither, and no session is lost between them. An account change, which may touch
 * every session of a site, starts one paged {@code account-relink} run instead ({@link AccountRelinkTrigger}).
 */
@Component
public class ZoomProvisioningTrigger {

    /** The process id, the BPMN file name without .bpmn. */
    public static final String PROCESS_ID = "zoom-meeting-provisioning";
    private static final Logger log = LoggerFactory.getLogger(ZoomProvisioningTrigger.class);

    private final RuntimeService runtime;
    private final ZoomMeetingProvisioning provisioning;
    private final Sessions sessions;
    private final Clock clock;
    private final AccountRelinkTrigger relinks;

    ZoomProvisioningTrigger(RuntimeService runtime, ZoomMeetingProvisioning provisioning, Sessions sessions, Clock clock,
                            AccountRelinkTrigger relinks) {
        this.relinks = relinks;
        this.runtime = runtime;
        this.provisioning = provisioning;
        this.sessions = sessions;
        this.clock = clock;
    }

    @EventListener
    void on(SessionChanged changed) {
        startIfNeeded(changed.sessionId(), "session " + changed.change().name().toLowerCase().replace('_', ' '));
    }

    @EventListener
    void on(ZoomMeetingBroken broken) {
        start(broken.sessionId(), "meeting " + broken.meetingId() + " " + broken.what());
    }

    /** Sessions of a host whose grant was revoked: they move to another account or show no link. */
    void hostDisconnected(Collection<Long> sessionIds) {
        sessionIds.forEach(id -> startIfNeeded(id, "host account disconnected"));
    }

    /**
     * The staff member's upcoming sessions whose meeting must change (staff onboarding, S10): how many. They are
     * synced by the account change's {@code account-relink} run; when none is running for the site or the staff
     * member any more, one more is started for them.
     */
    int reprovisionUpcomingOfStaff(long staffId, long siteId, Long accountId) {
        int needing = 0;
        for (long sessionId : sessions.upcomingOfStaff(staffId, clock.instant())) {
            if (provisioning.needsWork(sessionId)) {
                needing++;
            }
        }
        if (needing > 0 && accountId != null && !relinks.running(siteId, staffId)) {
            relinks.start(siteId, staffId, accountId, true, "staff member " + staffId + " onboarded");
        }
        return needing;
    }

    /** A session a re-link could not sync gets a provisioning run of its own: retries, then an incident naming it. */
    void retryAlone(long sessionId, String trigger) {
        start(sessionId, trigger);
    }

    private void startIfNeeded(long sessionId, String trigger) {
        if (provisioning.needsWork(sessionId)) {
            start(sessionId, trigger);
        }
    }

    private void start(long sessionId, String trigger) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("sessionId", sessionId);
        variables.put("trigger", trigger);
        String host = provisioning.expectedHost(sessionId);
        if (host != null) {
            variables.put("host", host);
        }
        runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(sessionId), variables);
        log.debug("Zoom meeting provisioning started for session {} ({})", sessionId, trigger);
    }
}
