package com.videolinks.workflow;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code videolinks.processes.folder}: the BPMN folder deployed at start (the top-level {@code processes/}, not the
 * classpath). {@code provisioning-retry-cycle}: how often a failing Zoom meeting job is retried before it becomes an
 * incident in Cockpit (ISO 8601 repeat, e.g. R3/PT1M).
 */
@ConfigurationProperties("videolinks.processes")
public record ProcessesProperties(@DefaultValue("processes") Path folder,
                                  @DefaultValue("R3/PT1M") String provisioningRetryCycle) {
}
