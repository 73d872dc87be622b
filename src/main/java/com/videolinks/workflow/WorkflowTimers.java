package com.videolinks.workflow;

/** Timer durations (ISO 8601) as BPMN expressions read them, from {@link ProcessesProperties}. */
public record WorkflowTimers(String onboardingReminderAfter, String onboardingExpiresAfter,
                             String courseDeliveryCheckEvery) {
}
