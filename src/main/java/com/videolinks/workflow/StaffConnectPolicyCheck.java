package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.BY_SELF;
import static com.videolinks.workflow.StaffOnboardingVariables.END_REASON;
import static com.videolinks.workflow.StaffOnboardingVariables.MAY_CONNECT;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.videolinks.common.ConflictException;
import com.videolinks.conferencing.AccountConnections;

/**
 * Business-rule task {@code checkStaffMayConnect} of {@code staff-onboarding}: asks the Drools link policy
 * (through {@link AccountConnections#requireStaffMayConnect}) whether the staff member may connect their own
 * account now: premium plan (S4), default account connected (S15), self-service rolled out to the site (S14).
 */
@Component("staffConnectPolicyCheck")
class StaffConnectPolicyCheck implements JavaDelegate {

    private final AccountConnections connections;

    StaffConnectPolicyCheck(AccountConnections connections) {
        this.connections = connections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long staffId = ((Number) execution.getVariable(STAFF_ID)).longValue();
        boolean bySelf = Boolean.TRUE.equals(execution.getVariable(BY_SELF));
        try {
            connections.requireStaffMayConnect(staffId, bySelf);
            execution.setVariable(MAY_CONNECT, true);
        } catch (ConflictException refused) {
            execution.setVariable(MAY_CONNECT, false);
            execution.setVariable(END_REASON, "refused by the link policy: " + String.join("; ", refused.reasons()));
        }
    }
}
