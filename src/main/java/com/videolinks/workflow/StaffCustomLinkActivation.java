package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.ACCOUNT_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.BY_SELF;
import static com.videolinks.workflow.StaffOnboardingVariables.END_REASON;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_DESCRIPTION;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_PASSWORD_SEALED;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_URL;
import static com.videolinks.workflow.StaffOnboardingVariables.REFUSED_ERROR;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.videolinks.common.ConflictException;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.policy.vocabulary.Link;

/**
 * Task {@code activateCustomLink}: connects the staff member's custom link through {@link AccountConnections},
 * which asks the policy once more (the default account may have been disconnected meanwhile, S9, S15): a refusal
 * ends the instance with the policy's reasons. The sealed password is removed from the variables once used.
 */
@Component("staffCustomLinkActivation")
class StaffCustomLinkActivation implements JavaDelegate {

    private final AccountConnections connections;
    private final SecretBox secrets;

    StaffCustomLinkActivation(AccountConnections connections, SecretBox secrets) {
        this.connections = connections;
        this.secrets = secrets;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long staffId = ((Number) execution.getVariable(STAFF_ID)).longValue();
        String sealed = (String) execution.getVariable(LINK_PASSWORD_SEALED);
        String password = sealed == null ? null : secrets.open(sealed, SecretPurpose.LINK_PASSWORD);
        Link link = new Link((String) execution.getVariable(LINK_URL), password,
                (String) execution.getVariable(LINK_DESCRIPTION));
        boolean bySelf = Boolean.TRUE.equals(execution.getVariable(BY_SELF));
        try {
            // asked outside the connect's transaction: a refusal thrown from inside it would mark the job's
            // transaction rollback-only and the BPMN error could not end the instance
            connections.requireStaffMayConnect(staffId, bySelf);
        } catch (ConflictException refused) {
            execution.setVariable(END_REASON, "refused by the link policy: " + String.join("; ", refused.reasons()));
            throw new BpmnError(REFUSED_ERROR, refused.getMessage());
        }
        long accountId = connections.connectStaffCustomLink(staffId, link, bySelf).id();
        execution.setVariable(ACCOUNT_ID, accountId);
        execution.removeVariable(LINK_PASSWORD_SEALED);
    }
}
