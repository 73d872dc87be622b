package com.videolinks.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.notification.LinkChangeNotifications.CourseDelivery;

/**
 * Task {@code checkDelivery} of {@code course-link-update}: copies how many emails of this link version were sent,
 * parked (failed after the outbox's last attempt) or skipped into the process variables Cockpit shows. SMTP itself
 * is the outbox dispatcher's job (its own retries and backoff); the process waits until nothing is pending. If emails
 * were parked when nothing is pending any more, the task fails: its retries give re-queued emails a chance, then it
 * becomes an incident in Cockpit naming the course and how many emails need an operator.
 */
@Component("courseDeliveryTracking")
class CourseDeliveryTracking implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CourseDeliveryTracking.class);

    private final LinkChangeNotifications notifications;
    private final WorkflowTimers timers;
    private final java.time.Clock clock;

    CourseDeliveryTracking(LinkChangeNotifications notifications, WorkflowTimers timers, java.time.Clock clock) {
        this.notifications = notifications;
        this.timers = timers;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long courseId = ((Number) execution.getVariable(CourseVariables.COURSE_ID)).longValue();
        int linkVersion = ((Number) execution.getVariable(CourseVariables.LINK_VERSION)).intValue();
        CourseDelivery delivery = notifications.courseDelivery(courseId, linkVersion);
        execution.setVariable(CourseVariables.SENT, delivery.sent());
        execution.setVariable(CourseVariables.FAILED, delivery.parked());
        execution.setVariable(CourseVariables.SKIPPED, delivery.skipped());
        execution.setVariable(CourseVariables.PENDING, delivery.pending());
        Number checks = (Number) execution.getVariable(CourseVariables.DELIVERY_CHECKS);
        execution.setVariable(CourseVariables.DELIVERY_CHECKS, checks == null ? 1 : checks.intValue() + 1);
        String since = (String) execution.getVariable(CourseVariables.FOLLOWING_SINCE);
        java.time.Instant now = clock.instant();
        if (since == null) {
            execution.setVariable(CourseVariables.FOLLOWING_SINCE, now.toString());
        } else if (delivery.pending() > 0
                && !now.isBefore(java.time.Instant.parse(since).plus(timers.courseDeliveryMaxWaitDuration()))) {
            // bounded: the emails stay in the outbox (and go out when they can); this run stops polling for them
            String reason = "stopped following delivery after " + timers.courseDeliveryMaxWait() + ": "
                    + delivery.pending() + " emails still pending in the outbox (GET /api/notifications?status=PENDING)";
            execution.setVariable(CourseVariables.DELIVERY_WAIT_OVER, true);
            execution.setVariable(CourseVariables.END_REASON, reason);
            log.warn("Course {} link version {}: {}", courseId, linkVersion, reason);
            return;
        }
        if (delivery.pending() == 0 && delivery.parked() > 0) {
            throw new IllegalStateException(delivery.parked() + " link-changed emails of course " + courseId
                    + " (link version " + linkVersion + ") were parked after their last attempt: see GET "
                    + "/api/notifications?status=PARKED, re-queue them (POST /api/notifications/{id}/requeue), "
                    + "then retry this job");
        }
    }
}
