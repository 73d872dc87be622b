package com.videolinks.workflow;

/** A failed-job retry cycle (ISO 8601 repeat, e.g. R3/PT1M) as BPMN expressions read it. */
public record RetryCycle(String cycle) {
}
