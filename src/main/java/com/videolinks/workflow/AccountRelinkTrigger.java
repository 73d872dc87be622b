package com.videolinks.workflow;

import static com.videolinks.workflow.AccountRelinkVariables.ACCOUNT_ID;
import static com.videolinks.workflow.AccountRelinkVariables.RELINK_ID;
import static com.videolinks.workflow.AccountRelinkVariables.SITE_ID;
import static com.videolinks.workflow.AccountRelinkVariables.STAFF_ID;
import static com.videolinks.workflow.AccountRelinkVariables.TRIGGER;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.AccountChanged;

/**
 * Starts one {@code account-relink} run per account change (#13 item 5, #14): the site's default account connected,
 * replaced or disconnected, or a staff member's own. Listens synchronously, inside the change's transaction: the
 * change, its relink row and the run's first job commit together or not at all, and the request does no per-session
 * work (the run pages through the sessions in jobs of its own). Business key = {@code site-<id>}.
 */
@Component
class AccountRelinkTrigger {

    /** The process id, the BPMN file name without .bpmn. */
    static final String PROCESS_ID = "account-relink";

    /** "site-12": a site's runs in Cockpit, distinct from the session ids other processes use as keys. */
    public static String businessKey(long siteId) {
        return "site-" + siteId;
    }
    private static final Logger log = LoggerFactory.getLogger(AccountRelinkTrigger.class);

    private final RuntimeService runtime;
    private final AccountRelinkRequests requests;
    private final Clock clock;

    AccountRelinkTrigger(RuntimeService runtime, AccountRelinkRequests requests, Clock clock) {
        this.runtime = runtime;
        this.requests = requests;
        this.clock = clock;
    }

    @EventListener
    void on(AccountChanged changed) {
        String trigger = (changed.staffId() == null ? "default account " : "staff member " + changed.staffId()
                + "'s account ") + changed.accountId() + (changed.connected() ? " connected" : " disconnected");
        start(changed.siteId(), changed.staffId(), changed.accountId(), changed.connected(), trigger);
    }

    /** Starts a run for the sessions of the site (staffId null) or of one staff member; the relink id. */
    long start(long siteId, Long staffId, long accountId, boolean connected, String trigger) {
        long relinkId = requests.record(siteId, staffId, accountId, connected, clock.instant());
        Map<String, Object> variables = new HashMap<>();
        variables.put(RELINK_ID, relinkId);
        variables.put(SITE_ID, siteId);
        if (staffId != null) {
            variables.put(STAFF_ID, staffId);
        }
        variables.put(ACCOUNT_ID, accountId);
        variables.put(TRIGGER, trigger);
        runtime.startProcessInstanceByKey(PROCESS_ID, businessKey(siteId), variables);
        log.info("Site {}: {}; {} run {} started", siteId, trigger, PROCESS_ID, relinkId);
        return relinkId;
    }

    /** Whether a run for the site or this staff member is still going (it will look at the staff member's sessions). */
    boolean running(long siteId, long staffId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(businessKey(siteId)).active().list().stream()
                .anyMatch(instance -> {
                    Object staff = runtime.getVariable(instance.getId(), STAFF_ID);
                    return staff == null || ((Number) staff).longValue() == staffId;
                });
    }
}
