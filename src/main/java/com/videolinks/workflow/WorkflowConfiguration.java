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
}
