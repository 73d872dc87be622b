package com.videolinks.workflow;

import java.util.Date;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.zoom.ZoomAccountDisconnectedException;
import com.videolinks.conferencing.zoom.ZoomRateLimitedException;

/**
 * Task {@code syncZoomMeeting} of {@code zoom-meeting-provisioning}. Rate limits become a wait (BPMN error
 * {@code zoom-rate-limited} to the timer, which honours Retry-After and the daily quota); a revoked host becomes
 * {@code zoom-host-disconnected} (the business is already alerted). Anything else fails the job: Camunda retries it by
 * the retry cycle, then raises an incident naming the session and host.
 */
@Component("zoomMeetingProvisioningDelegate")
class ZoomMeetingProvisioningDelegate implements JavaDelegate {

    static final String RATE_LIMITED = "zoom-rate-limited";
    static final String HOST_DISCONNECTED = "zoom-host-disconnected";
    private static final Logger log = LoggerFactory.getLogger(ZoomMeetingProvisioningDelegate.class);

    private final ZoomMeetingProvisioning provisioning;
    private final ZoomProvisioningTrigger trigger;

    ZoomMeetingProvisioningDelegate(ZoomMeetingProvisioning provisioning, ZoomProvisioningTrigger trigger) {
        this.provisioning = provisioning;
        this.trigger = trigger;
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
        } catch (ZoomAccountDisconnectedException e) {
            execution.setVariable("outcome", e.getMessage());
            trigger.hostDisconnected(e.affectedSessionIds());
            throw new BpmnError(HOST_DISCONNECTED, e.getMessage());
        }
    }
}
