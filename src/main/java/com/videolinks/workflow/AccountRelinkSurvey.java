package com.videolinks.workflow;

import static com.videolinks.workflow.AccountRelinkVariables.AFTER_SESSION_ID;
import static com.videolinks.workflow.AccountRelinkVariables.CREATIONS_NEEDED;
import static com.videolinks.workflow.AccountRelinkVariables.DONE;
import static com.videolinks.workflow.AccountRelinkVariables.EXPECTED_FINISH;
import static com.videolinks.workflow.AccountRelinkVariables.FAILED;
import static com.videolinks.workflow.AccountRelinkVariables.NEXT;
import static com.videolinks.workflow.AccountRelinkVariables.PASS;
import static com.videolinks.workflow.AccountRelinkVariables.SITE_ID;
import static com.videolinks.workflow.AccountRelinkVariables.STAFF_ID;
import static com.videolinks.workflow.AccountRelinkVariables.TOTAL;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_BY_ACCOUNT;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_FOR_QUOTA;
import static com.videolinks.workflow.AccountRelinkVariables.WAITING_THIS_PASS;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.session.Sessions;

/**
 * Task {@code surveySessions} of {@code account-relink}: counts the upcoming sessions the change may touch and the
 * Zoom meeting creations it needs per host, read-only and without calling Zoom, and sets the progress variables and
 * the expected finish: Zoom allows each host {@code daily-meeting-creations} (100) a UTC day, so a host that needs
 * more than it has left today finishes on a later quota day ({@link RelinkEstimate}).
 */
@Component("accountRelinkSurvey")
class AccountRelinkSurvey implements JavaDelegate {

    private static final Logger log = LoggerFactory.getLogger(AccountRelinkSurvey.class);
    private static final int PAGE = 200;

    private final Sessions sessions;
    private final ZoomMeetingProvisioning provisioning;
    private final RelinkEstimate estimate;
    private final Clock clock;

    AccountRelinkSurvey(Sessions sessions, ZoomMeetingProvisioning provisioning, RelinkEstimate estimate, Clock clock) {
        this.sessions = sessions;
        this.provisioning = provisioning;
        this.estimate = estimate;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long siteId = ((Number) execution.getVariable(SITE_ID)).longValue();
        Long staffId = execution.getVariable(STAFF_ID) instanceof Number n ? n.longValue() : null;
        Instant now = clock.instant();
        long total = 0;
        Map<Long, Long> creations = new HashMap<>();
        long after = 0;
        List<Long> page;
        do {
            page = sessions.upcomingPage(siteId, staffId, now, after, PAGE);
            for (long sessionId : page) {
                total++;
                Long host = provisioning.creationNeededUnder(sessionId);
                if (host != null) {
                    creations.merge(host, 1L, Long::sum);
                }
            }
            after = page.isEmpty() ? after : page.get(page.size() - 1);
        } while (page.size() == PAGE);
        long needed = creations.values().stream().mapToLong(Long::longValue).sum();
        Instant finish = estimate.finish(creations, true);
        execution.setVariable(TOTAL, total);
        execution.setVariable(DONE, 0L);
        execution.setVariable(WAITING_FOR_QUOTA, 0L);
        execution.setVariable(WAITING_THIS_PASS, 0L);
        execution.setVariable(WAITING_BY_ACCOUNT, "");
        execution.setVariable(FAILED, 0L);
        execution.setVariable(CREATIONS_NEEDED, needed);
        execution.setVariable(EXPECTED_FINISH, Date.from(finish));
        execution.setVariable(PASS, 1);
        execution.setVariable(AFTER_SESSION_ID, 0L);
        execution.setVariable(NEXT, "PAGE");
        log.info("Site {}{}: {} upcoming sessions to re-link, {} Zoom meetings to create (per host: {}); expected "
                + "finish {}", siteId, staffId == null ? "" : " staff member " + staffId, total, needed, creations, finish);
    }
}
