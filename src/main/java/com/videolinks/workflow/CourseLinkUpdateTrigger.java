package com.videolinks.workflow;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.links.CourseLinkChanged;

/**
 * Starts {@code course-link-update} when a course's link is edited (S18, S19). Listens synchronously, inside the
 * edit's transaction: the new link version (every past and future session reads it from the course) and the process
 * instance with its first job commit together or not at all. Business key = course id.
 */
@Component
class CourseLinkUpdateTrigger {

    static final String PROCESS_ID = "course-link-update";
    private static final Logger log = LoggerFactory.getLogger(CourseLinkUpdateTrigger.class);

    private final RuntimeService runtime;

    CourseLinkUpdateTrigger(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(CourseLinkChanged changed) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CourseVariables.COURSE_ID, changed.serviceId());
        variables.put(CourseVariables.LINK_VERSION, changed.linkVersion());
        // only the URL: the email names the link it replaces; passwords never go into process variables
        variables.put(CourseVariables.OLD_LINK_URL, changed.oldLink() == null ? null : changed.oldLink().url());
        runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(changed.serviceId()), variables);
        log.info("Course {} link version {}: {} started", changed.serviceId(), changed.linkVersion(), PROCESS_ID);
    }
}
