package com.videolinks.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.videolinks.booking.Bookings;

/** Task {@code countCourseRecipients}: sets the progress counters Cockpit shows before the first chunk (S19). */
@Component("courseRecipientsCounting")
class CourseRecipientsCounting implements JavaDelegate {

    private final Bookings bookings;
    private final com.videolinks.notification.LinkChangeNotifications notifications;

    CourseRecipientsCounting(Bookings bookings, com.videolinks.notification.LinkChangeNotifications notifications) {
        this.bookings = bookings;
        this.notifications = notifications;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long courseId = ((Number) execution.getVariable(CourseVariables.COURSE_ID)).longValue();
        execution.setVariable(CourseVariables.TOTAL, bookings.countCustomersBookedInService(courseId));
        execution.setVariable(CourseVariables.QUEUED, 0L);
        execution.setVariable(CourseVariables.SENT, 0L);
        execution.setVariable(CourseVariables.FAILED, 0L);
        execution.setVariable(CourseVariables.AFTER_CUSTOMER_ID, 0L);
        execution.setVariable(CourseVariables.ALL_QUEUED, false);
        execution.setVariable(CourseVariables.SUPERSEDED, false);
        execution.setVariable(CourseVariables.EMAILS_CAN_BE_SENT, notifications.emailsCanBeSent());
        execution.setVariable(CourseVariables.DELIVERY_CHECKS, 0);
        execution.setVariable(CourseVariables.DELIVERY_WAIT_OVER, false);
    }
}
