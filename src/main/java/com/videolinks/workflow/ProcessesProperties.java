package com.videolinks.workflow;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code videolinks.processes.*}: the BPMN folder deployed at start (the top-level {@code processes/}, not the
 * classpath), the retry cycles of jobs that reach Zoom, SMTP or the rules engine (ISO 8601 repeat, e.g. R3/PT1M;
 * when they run out the job becomes an incident in Cockpit), the staff onboarding timers and how often the course
 * workflow looks at the outbox for delivered emails; how long a Zoom meeting job's claim on a session lasts and how many
 * sessions an account re-link looks at per job.
 */
@ConfigurationProperties("videolinks.processes")
public record ProcessesProperties(@DefaultValue("processes") Path folder,
                                  @DefaultValue("R3/PT1M") String provisioningRetryCycle,
                                  @DefaultValue("R3/PT1M") String workflowRetryCycle,
                                  @DefaultValue("P1D") String onboardingReminderAfter,
                                  @DefaultValue("P7D") String onboardingExpiresAfter,
                                  @DefaultValue("PT5S") String courseDeliveryCheckEvery,
                                  @DefaultValue("PT5M") String courseDeliveryCheckAtMost,
                                  @DefaultValue("P2D") String courseDeliveryMaxWait,
                                  @DefaultValue("PT5M") Duration zoomCallClaim,
                                  @DefaultValue("25") int relinkPageSize) {

    /** A typo in a duration fails at start, not later in a timer job. */
    public ProcessesProperties {
        Duration.parse(onboardingReminderAfter);
        Duration.parse(onboardingExpiresAfter);
        positive("course-delivery-check-every", courseDeliveryCheckEvery);
        positive("course-delivery-check-at-most", courseDeliveryCheckAtMost);
        positive("course-delivery-max-wait", courseDeliveryMaxWait);
        positive("zoom-call-claim", zoomCallClaim.toString());
        if (relinkPageSize < 1 || relinkPageSize > 1000) {
            throw new IllegalArgumentException("videolinks.processes.relink-page-size must be between 1 and 1000, not "
                    + relinkPageSize);
        }
    }

    private static void positive(String key, String duration) {
        if (Duration.parse(duration).isNegative() || Duration.parse(duration).isZero()) {
            throw new IllegalArgumentException("videolinks.processes." + key + " must be a positive ISO 8601 duration, "
                    + "not " + duration);
        }
    }
}
