package com.videolinks.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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

    private final LinkChangeNotifications notifications;

    CourseDeliveryTracking(LinkChangeNotifications notifications) {
        this.notifications = notifications;
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
        if (delivery.pending() == 0 && delivery.parked() > 0) {
            throw new IllegalStateException(delivery.parked() + " link-changed emails of course " + courseId
                    + " (link version " + linkVersion + ") were parked after their last attempt: see GET "
                    + "/api/notifications?status=PARKED, re-queue them (POST /api/notifications/{id}/requeue), "
                    + "then retry this job");
        }
    }
}
