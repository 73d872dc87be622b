package com.videolinks.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.catalog.ServiceOfferings;
import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.notification.LinkChangeNotifications.CourseChunk;
import com.videolinks.policy.vocabulary.Link;

/**
 * Task {@code notifyCustomerChunk} of {@code course-link-update} (S19): one page of the course's customers gets a
 * link-changed email in the outbox, in the job's transaction, so the rows and the progress variables commit
 * together; each row is keyed by course, link version and customer, so a retried chunk writes nothing twice.
 * A newer edit of the course's link supersedes this run: the chunk writes nothing and the instance ends
 * "superseded" (the newer run tells every customer the current link; emails render the link when they are sent,
 * so none shows a stale one).
 */
@Component("courseCustomersNotifying")
class CourseCustomersNotifying implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(CourseCustomersNotifying.class);

    private final LinkChangeNotifications notifications;
    private final ServiceOfferings services;

    CourseCustomersNotifying(LinkChangeNotifications notifications, ServiceOfferings services) {
        this.notifications = notifications;
        this.services = services;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long courseId = ((Number) execution.getVariable(CourseVariables.COURSE_ID)).longValue();
        int linkVersion = ((Number) execution.getVariable(CourseVariables.LINK_VERSION)).intValue();
        int current = services.get(courseId).courseLinkVersion();
        if (current > linkVersion) {
            execution.setVariable(CourseVariables.SUPERSEDED, true);
            execution.setVariable(CourseVariables.END_REASON,
                    "superseded: the course's link was edited again (version " + current + ")");
            log.info("Course {} link version {} superseded by version {}", courseId, linkVersion, current);
            return;
        }
        String oldUrl = (String) execution.getVariable(CourseVariables.OLD_LINK_URL);
        long after = ((Number) execution.getVariable(CourseVariables.AFTER_CUSTOMER_ID)).longValue();
        CourseChunk chunk = notifications.courseLinkChangedChunk(courseId, linkVersion,
                oldUrl == null ? null : new Link(oldUrl, null, null), after);
        long queued = ((Number) execution.getVariable(CourseVariables.QUEUED)).longValue() + chunk.written();
        execution.setVariable(CourseVariables.QUEUED, queued);
        execution.setVariable(CourseVariables.AFTER_CUSTOMER_ID, chunk.lastCustomerId());
        execution.setVariable(CourseVariables.ALL_QUEUED, chunk.done());
        if (chunk.done() && Boolean.FALSE.equals(execution.getVariable(CourseVariables.EMAILS_CAN_BE_SENT))) {
            execution.setVariable(CourseVariables.END_REASON, "no SMTP server configured: the " + queued
                    + " emails wait in the outbox as PENDING and go out once one is (nothing to follow until then)");
            log.info("Course {} link version {}: {} emails wait in the outbox (no SMTP server configured)", courseId,
                    linkVersion, queued);
        }
    }
}
