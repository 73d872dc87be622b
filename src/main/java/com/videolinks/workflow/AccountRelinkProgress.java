package com.videolinks.workflow;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;

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

    private final LatestProcessRuns runs;

    AccountRelinkProgress(LatestProcessRuns runs) {
        this.runs = runs;
    }

    /** The newest re-link run of the site, if an account of the site ever changed. */
    public Optional<Progress> latest(long siteId) {
        return runs.latest(AccountRelinkTrigger.PROCESS_ID, AccountRelinkTrigger.businessKey(siteId)).map(run -> {
            boolean waiting = runs.waitsAtTimer(run);
            String state = !run.running() ? "ENDED" : waiting ? "WAITING_FOR_ZOOM" : "RUNNING";
            Map<String, Object> variables = run.variables();
            return new Progress(run.instance().getId(), run.number(AccountRelinkVariables.RELINK_ID),
                    (String) variables.get(AccountRelinkVariables.TRIGGER), state, run.instance().getEndActivityId(),
                    (String) variables.get(AccountRelinkVariables.END_REASON),
                    run.number(AccountRelinkVariables.TOTAL), run.number(AccountRelinkVariables.DONE),
                    run.number(AccountRelinkVariables.WAITING_FOR_QUOTA), run.number(AccountRelinkVariables.FAILED),
                    run.number(AccountRelinkVariables.CREATIONS_NEEDED),
                    instant(variables.get(AccountRelinkVariables.EXPECTED_FINISH)),
                    waiting ? instant(variables.get(AccountRelinkVariables.RETRY_AT)) : null,
                    (int) run.number(AccountRelinkVariables.PASS), run.incident());
        });
    }

    private static Instant instant(Object value) {
        return value instanceof Date date ? date.toInstant() : null;
    }
}
