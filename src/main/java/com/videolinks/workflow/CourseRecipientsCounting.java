package com.videolinks.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.videolinks.booking.Bookings;

/** Task {@code countCourseRecipients}: sets the progress counters Cockpit shows before the first chunk (S19). */
@Component("courseRecipientsCounting")
class CourseRecipientsCounting implements JavaDelegate {

    private final Bookings bookings;

    CourseRecipientsCounting(Bookings bookings) {
        this.bookings = bookings;
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
    }
}
