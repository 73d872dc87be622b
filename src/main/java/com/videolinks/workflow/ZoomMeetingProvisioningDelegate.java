package com.videolinks.workflow;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.atomic.AtomicBoolean;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.zoom.ZoomAccountDisconnectedException;
import com.videolinks.conferencing.zoom.ZoomNotConfiguredException;
import com.videolinks.conferencing.zoom.ZoomRateLimitedException;

/**
 * Task {@code syncZoomMeeting} of {@code zoom-meeting-provisioning}. Rate limits become a wait (BPMN error
 * {@code zoom-rate-limited} to the timer, which honours Retry-After and the daily quota); a revoked host becomes
 * {@code zoom-host-disconnected} (the business is already alerted). A service without a Zoom app (the demo's Zoom
 * accounts) is not a failure either: the instance waits at the same timer and looks again every hour, and the log says
 * once, at WARN, what to configure. Anything else fails the job: Camunda retries it by the retry cycle, then raises an
 * incident naming the session and host.
 */
@Component("zoomMeetingProvisioningDelegate")
class ZoomMeetingProvisioningDelegate implements JavaDelegate {

    static final String RATE_LIMITED = "zoom-rate-limited";
    static final String HOST_DISCONNECTED = "zoom-host-disconnected";
    /** How often a meeting waiting for a Zoom app looks again (a restart with the settings is the usual fix). */
    static final Duration NOT_CONFIGURED_RECHECK = Duration.ofHours(1);
    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingProvisioningDelegate.class);

    private final ZoomMeetingProvisioning provisioning;
    private final ZoomProvisioningTrigger trigger;
    private final Clock clock;
    private final AtomicBoolean notConfiguredReported = new AtomicBoolean();

    ZoomMeetingProvisioningDelegate(ZoomMeetingProvisioning provisioning, ZoomProvisioningTrigger trigger, Clock clock) {
        this.provisioning = provisioning;
        this.trigger = trigger;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long sessionId = ((Number) execution.getVariable("sessionId")).longValue();
        try {
            ZoomMeetingProvisioning.Outcome outcome = provisioning.sync(sessionId);
            execution.setVariable("outcome", outcome.summary());
            if (outcome.host() != null) {
                execution.setVariable("host", outcome.host());
            }
        } catch (ZoomRateLimitedException e) {
            log.info("Session {}: {}", sessionId, e.getMessage());
            execution.setVariable("retryAt", Date.from(e.retryAt()));
            execution.setVariable("outcome", e.getMessage());
            throw new BpmnError(RATE_LIMITED, e.getMessage());
        } catch (ZoomNotConfiguredException e) {
            String outcome = "Zoom not configured: the meeting waits (the link stays PENDING) and is looked at again every "
                    + NOT_CONFIGURED_RECHECK.toHours() + " h";
            if (notConfiguredReported.compareAndSet(false, true)) {
                log.warn("Zoom not configured: Zoom meetings cannot be created (first: session {}). {}. The sessions' "
                        + "links stay PENDING and each meeting is tried again every {} h (Cockpit: instances waiting at "
                        + "waitForZoomQuota). Custom links work without Zoom.", sessionId, e.getMessage(),
                        NOT_CONFIGURED_RECHECK.toHours());
            } else {
                log.info("Session {}: {}", sessionId, outcome);
            }
            execution.setVariable("retryAt", Date.from(clock.instant().plus(NOT_CONFIGURED_RECHECK)));
            execution.setVariable("outcome", outcome);
            throw new BpmnError(RATE_LIMITED, outcome);
        } catch (ZoomAccountDisconnectedException e) {
            execution.setVariable("outcome", e.getMessage());
            trigger.hostDisconnected(e.affectedSessionIds());
            throw new BpmnError(HOST_DISCONNECTED, e.getMessage());
        }
    }
}
