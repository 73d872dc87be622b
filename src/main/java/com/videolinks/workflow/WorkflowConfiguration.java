package com.videolinks.workflow;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Settings of the workflows, and the names BPMN expressions use for them. */
@Configuration
@EnableConfigurationProperties(ProcessesProperties.class)
class WorkflowConfiguration {

    /** Referenced in the BPMN as {@code ${zoomProvisioningRetry.cycle()}}. */
    @Bean("zoomProvisioningRetry")
    RetryCycle zoomProvisioningRetry(ProcessesProperties properties) {
        return new RetryCycle(properties.provisioningRetryCycle());
    }

    /** {@code ${workflowRetry.cycle()}}: tasks of the onboarding and course workflows that reach SMTP, Zoom or rules. */
    @Bean("workflowRetry")
    RetryCycle workflowRetry(ProcessesProperties properties) {
        return new RetryCycle(properties.workflowRetryCycle());
    }

    /** {@code ${workflowTimers.onboardingReminderAfter()}} and the other timer durations the BPMN reads. */
    @Bean("workflowTimers")
    WorkflowTimers workflowTimers(ProcessesProperties properties) {
        return new WorkflowTimers(properties.onboardingReminderAfter(), properties.onboardingExpiresAfter(),
                properties.courseDeliveryCheckEvery(), properties.courseDeliveryCheckAtMost(),
                properties.courseDeliveryMaxWait());
    }
}
