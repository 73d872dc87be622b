package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.SESSIONS_REPROVISIONED;
import static com.videolinks.workflow.StaffOnboardingVariables.ACCOUNT_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.SITE_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code reprovisionStaffSessions}: the staff member's upcoming sessions get their links from the new account
 * (S10): counts the sessions whose Zoom meeting must still change; the account change's {@code account-relink} run
 * syncs them, and if none is running any more, another one is started.
 */
@Component("staffSessionsReprovisioning")
class StaffSessionsReprovisioning implements JavaDelegate {

    private final ZoomProvisioningTrigger trigger;

    StaffSessionsReprovisioning(ZoomProvisioningTrigger trigger) {
        this.trigger = trigger;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long staffId = ((Number) execution.getVariable(STAFF_ID)).longValue();
        long siteId = ((Number) execution.getVariable(SITE_ID)).longValue();
        Number accountId = (Number) execution.getVariable(ACCOUNT_ID);
        execution.setVariable(SESSIONS_REPROVISIONED, trigger.reprovisionUpcomingOfStaff(staffId, siteId,
                accountId == null ? null : accountId.longValue()));
    }
}
