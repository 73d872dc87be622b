package com.videolinks.workflow;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Component;

/**
 * The newest run of a process for a business key, read from history (running or ended), with its variables and
 * whether it is stuck: what the progress views of the course link update and of the account re-link both show.
 */
@Component
class LatestProcessRuns {

    /** One run: its history entry, its variables, whether it still runs and whether a job of it has no retry left. */
    record Run(HistoricProcessInstance instance, Map<String, Object> variables, boolean running, boolean incident) {

        long number(String name) {
            return variables.get(name) instanceof Number n ? n.longValue() : 0L;
        }
    }

    private final HistoryService history;
    private final ManagementService management;

    LatestProcessRuns(HistoryService history, ManagementService management) {
        this.history = history;
        this.management = management;
    }

    Optional<Run> latest(String processId, String businessKey) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(processId).processInstanceBusinessKey(businessKey)
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
        boolean incident = running && management.createJobQuery().processInstanceId(instance.getId())
                .noRetriesLeft().count() > 0;
        return Optional.of(new Run(instance, variables, running, incident));
    }

    /** Whether the running process waits at a timer. */
    boolean waitsAtTimer(Run run) {
        return run.running() && management.createJobQuery().processInstanceId(run.instance().getId()).timers().count() > 0;
    }
}
