package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.ACCOUNT_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.DEFAULT_ACCOUNT_DISCONNECTED;
import static com.videolinks.workflow.StaffOnboardingVariables.PROCESS_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.SITE_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ACCOUNT_CONNECTED;

import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.videolinks.conferencing.AccountChanged;

/**
 * Turns account changes into messages for waiting {@code staff-onboarding} instances, inside the change's
 * transaction: a staff member's own account connected (the Zoom sign-in's callback went through
 * {@code AccountConnections}; business key = staff id) and the site's default account disconnected (S9, S15: every
 * onboarding of the site ends with that reason). Correlating nothing is fine: most changes have no onboarding.
 */
@Component
class StaffOnboardingMessages {

    private static final Logger log = LoggerFactory.getLogger(StaffOnboardingMessages.class);

    private final RuntimeService runtime;

    StaffOnboardingMessages(RuntimeService runtime) {
        this.runtime = runtime;
    }

    @EventListener
    void on(AccountChanged changed) {
        if (changed.staffId() != null && changed.connected()) {
            int woken = runtime.createMessageCorrelation(STAFF_ACCOUNT_CONNECTED)
                    .processInstanceBusinessKey(String.valueOf(changed.staffId()))
                    .setVariable(ACCOUNT_ID, changed.accountId())
                    .correlateAllWithResult().size();
            if (woken > 0) {
                log.info("Staff onboarding of staff member {}: account {} connected", changed.staffId(), changed.accountId());
            }
        } else if (changed.staffId() == null && !changed.connected()) {
            int ended = runtime.createMessageCorrelation(DEFAULT_ACCOUNT_DISCONNECTED)
                    .processInstanceVariableEquals(SITE_ID, changed.siteId())
                    .correlateAllWithResult().size();
            if (ended > 0) {
                log.info("Site {} disconnected its default account: {} {} instances ended (S9, S15)",
                        changed.siteId(), ended, PROCESS_ID);
            }
        }
    }
}
