package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.SESSIONS_REPROVISIONED;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Task {@code reprovisionStaffSessions}: the staff member's upcoming sessions get their links from the new account
 * (S10): a {@code zoom-meeting-provisioning} instance for each session whose Zoom meeting must change and has none
 * running yet (the account change already started most of them; this catches the rest and counts them).
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
        execution.setVariable(SESSIONS_REPROVISIONED, trigger.reprovisionUpcomingOfStaff(staffId));
    }
}
