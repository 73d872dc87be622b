package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.LINK_ERROR;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_URL;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_VALID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import com.videolinks.common.WebLinkValidator;

/**
 * Task {@code validateCustomLink}: the URL the staff member entered must be safe to show customers (S3, S16);
 * otherwise the process asks again with the reason in {@code linkError}.
 */
@Component("customLinkValidation")
class CustomLinkValidation implements JavaDelegate {

    @Override
    public void execute(DelegateExecution execution) {
        Object url = execution.getVariable(LINK_URL);
        String problem = url == null || url.toString().isBlank() ? "url is required"
                : WebLinkValidator.problem(url.toString());
        execution.setVariable(LINK_VALID, problem == null);
        execution.setVariable(LINK_ERROR, problem == null ? null : "url " + problem.replaceFirst("^url ", ""));
    }
}
