package com.videolinks.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.springframework.stereotype.Service;

/**
 * How far the latest {@code account-relink} run of a site has got (#13 item 5): what the owner's dashboard and the
 * REST API show, read from the run's variables (what Cockpit shows too).
 */
@Service
public class AccountRelinkProgress {

    /**
     * {@code state}: RUNNING, WAITING_FOR_ZOOM (at the quota-day timer until {@code resumesAt}), or ENDED at
     * {@code endActivity} (sessionsRelinked, supersededByNewerChange). {@code expectedFinish}: when the last
     * Zoom meeting creation can be made at 100 per host per day (an estimate; null before the survey ran).
     */
    public record Progress(String processInstanceId, long relinkId, String trigger, String state, String endActivity,
                           String endReason, long total, long done, long waitingForQuota, long failed,
                           long creationsNeeded, Instant expectedFinish, Instant resumesAt, int pass, boolean incident) {
    }

    private final HistoryService history;
    private final ManagementService management;

    AccountRelinkProgress(HistoryService history, ManagementService management) {
        this.history = history;
        this.management = management;
    }

    /** The newest re-link run of the site, if an account of the site ever changed. */
    public Optional<Progress> latest(long siteId) {
        HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
                .processDefinitionKey(AccountRelinkTrigger.PROCESS_ID).processInstanceBusinessKey(AccountRelinkTrigger.businessKey(siteId))
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
        boolean waiting = running && management.createJobQuery().processInstanceId(instance.getId()).timers().count() > 0;
        String state = !running ? "ENDED" : waiting ? "WAITING_FOR_ZOOM" : "RUNNING";
        return Optional.of(new Progress(instance.getId(), number(variables, AccountRelinkVariables.RELINK_ID),
                (String) variables.get(AccountRelinkVariables.TRIGGER), state, instance.getEndActivityId(),
                (String) variables.get(AccountRelinkVariables.END_REASON),
                number(variables, AccountRelinkVariables.TOTAL), number(variables, AccountRelinkVariables.DONE),
                number(variables, AccountRelinkVariables.WAITING_FOR_QUOTA), number(variables, AccountRelinkVariables.FAILED),
                number(variables, AccountRelinkVariables.CREATIONS_NEEDED),
                instant(variables.get(AccountRelinkVariables.EXPECTED_FINISH)),
                waiting ? instant(variables.get(AccountRelinkVariables.RETRY_AT)) : null,
                (int) number(variables, AccountRelinkVariables.PASS), incident));
    }

    private static long number(Map<String, Object> variables, String name) {
        return variables.get(name) instanceof Number n ? n.longValue() : 0L;
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
