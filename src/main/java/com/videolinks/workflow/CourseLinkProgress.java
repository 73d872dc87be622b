package com.videolinks.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.notification.LinkChangeNotifications.CourseDelivery;

/**
 * How far the latest {@code course-link-update} run of a course has got (S19): recipients and where the run stands
 * from the process, and the emails of its link version sent, failed (parked) and pending from the outbox itself — the
 * process variables Cockpit shows lag behind (a failing {@code checkDelivery} job rolls its own counts back).
 */
@Service
public class CourseLinkProgress {

    /** RUNNING, or ENDED at {@code endActivity} (customersNotified, supersededByNewerEdit). */
    public record Progress(String processInstanceId, int linkVersion, boolean running, String endActivity,
                           long total, long queued, long sent, long failed, long pending, boolean incident) {

        /** Every customer holding a booking got the email of this link version. */
        public boolean allSent() {
            return !running && "customersNotified".equals(endActivity) && failed == 0 && pending == 0;
        }
    }

    private final HistoryService history;
    private final org.camunda.bpm.engine.ManagementService management;
    private final LinkChangeNotifications notifications;

    CourseLinkProgress(HistoryService history, org.camunda.bpm.engine.ManagementService management,
                       LinkChangeNotifications notifications) {
        this.history = history;
        this.management = management;
        this.notifications = notifications;
    }

    /** The newest run of the course's link update, if the course's link was ever edited. */
    public Optional<Progress> latest(long courseId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(CourseLinkUpdateTrigger.PROCESS_ID).processInstanceBusinessKey(String.valueOf(courseId))
                .orderByProcessInstanceStartTime().desc().listPage(0, 1).stream().findFirst().orElse(null);
        if (instance == null) {
            return Optional.empty();
        }
        Map<String, Object> variables = new HashMap<>();
        for (HistoricVariableInstance variable : history.createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).list()) {
            variables.put(variable.getName(), variable.getValue());
        }
        boolean running = instance.getEndTime() == null;
        boolean incident = running && management.createJobQuery().processInstanceId(instance.getId()).noRetriesLeft().count() > 0;
        int linkVersion = number(variables, CourseVariables.LINK_VERSION).intValue();
        CourseDelivery delivery = notifications.courseDelivery(courseId, linkVersion);
        return Optional.of(new Progress(instance.getId(), linkVersion, running, instance.getEndActivityId(),
                number(variables, CourseVariables.TOTAL), number(variables, CourseVariables.QUEUED),
                delivery.sent(), delivery.parked(), delivery.pending(), incident));
    }

    private static Long number(Map<String, Object> variables, String name) {
        return variables.get(name) instanceof Number n ? n.longValue() : 0L;
    }
}
