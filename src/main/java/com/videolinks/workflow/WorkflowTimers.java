package com.videolinks.workflow;

import java.time.Duration;

/**
 * Timer durations (ISO 8601) as BPMN expressions read them, from {@link ProcessesProperties}. The course workflow
 * checks delivery with backoff: {@code courseDeliveryCheckEvery}, doubled after every check that still found pending
 * emails, never longer than {@code courseDeliveryCheckAtMost}; it stops following after {@code courseDeliveryMaxWait}.
 */
public record WorkflowTimers(String onboardingReminderAfter, String onboardingExpiresAfter,
                             String courseDeliveryCheckEvery, String courseDeliveryCheckAtMost,
                             String courseDeliveryMaxWait) {

    /** {@code ${workflowTimers.courseDeliveryWait(execution)}}: the wait before the next delivery check. */
    public String courseDeliveryWait(org.camunda.bpm.engine.delegate.VariableScope execution) {
        return courseDeliveryWaitAfter((Number) execution.getVariable(CourseVariables.DELIVERY_CHECKS));
    }

    /** The wait after {@code checksSoFar} checks that still found pending emails. */
    public String courseDeliveryWaitAfter(Number checksSoFar) {
        Duration wait = Duration.parse(courseDeliveryCheckEvery);
        Duration most = Duration.parse(courseDeliveryCheckAtMost);
        int checks = checksSoFar == null ? 0 : checksSoFar.intValue();
        for (int i = 0; i < checks && wait.compareTo(most) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return (wait.compareTo(most) > 0 ? most : wait).toString();
    }

    Duration courseDeliveryMaxWaitDuration() {
        return Duration.parse(courseDeliveryMaxWait);
    }
}
