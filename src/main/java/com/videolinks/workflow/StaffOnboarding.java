package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.BY_SELF;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_DESCRIPTION;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_PASSWORD_SEALED;
import static com.videolinks.workflow.StaffOnboardingVariables.LINK_URL;
import static com.videolinks.workflow.StaffOnboardingVariables.PROCESS_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.PROVIDER;
import static com.videolinks.workflow.StaffOnboardingVariables.SITE_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.STARTED_BY;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.ConflictException;
import com.videolinks.common.NotFoundException;
import com.videolinks.common.crypto.SecretBox;
import com.videolinks.common.crypto.SecretPurpose;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * Starts {@code staff-onboarding} (S10–S16) for an invitation by the owner or an operator, or by the staff member,
 * and lets the staff member answer its custom-link task. One running onboarding per staff member (business key),
 * guaranteed by the database: {@link OnboardingRuns} (V14).
 */
@Service
public class StaffOnboarding {

    /** Where a staff member's onboarding stands: the activities it waits at, and the last link error if any. */
    public record Status(String processInstanceId, String provider, List<String> waitingAt, String linkError) {
    }

    static final String ENTER_CUSTOM_LINK = "enterCustomLink";

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final StaffMembers staff;
    private final SecretBox secrets;
    private final OnboardingRuns runs;
    private final java.time.Clock clock;

    StaffOnboarding(RuntimeService runtime, TaskService tasks, StaffMembers staff, SecretBox secrets,
                    OnboardingRuns runs, java.time.Clock clock) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.staff = staff;
        this.secrets = secrets;
        this.runs = runs;
        this.clock = clock;
    }

    @Transactional
    public Status start(long staffId, Provider provider, boolean bySelf, String startedBy) {
        Staff member = staff.get(staffId);
        // the row lock orders concurrent starts; the primary key stops the one that found no row (V14)
        java.util.Optional<String> recorded = runs.lockRecorded(staffId);
        if (running(staffId) != null) {
            throw alreadyRunning(staffId);
        }
        if (recorded.isPresent()) {
            runs.forget(staffId); // its onboarding has ended
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(STAFF_ID, staffId);
        variables.put(SITE_ID, member.siteId());
        variables.put(PROVIDER, provider.name());
        variables.put(BY_SELF, bySelf);
        variables.put(STARTED_BY, startedBy);
        ProcessInstance started = runtime.startProcessInstanceByKey(PROCESS_ID, String.valueOf(staffId), variables);
        if (!runs.record(staffId, started.getId(), clock.instant())) {
            throw alreadyRunning(staffId); // rolls the instance just started back
        }
        return status(staffId);
    }

    private static ConflictException alreadyRunning(long staffId) {
        return new ConflictException("onboarding-running",
                "Staff member " + staffId + " already has an onboarding in progress");
    }

    @Transactional(readOnly = true)
    public Status status(long staffId) {
        ProcessInstance instance = running(staffId);
        if (instance == null) {
            throw new NotFoundException("onboarding in progress of staff member", staffId);
        }
        return new Status(instance.getId(), (String) runtime.getVariable(instance.getId(), PROVIDER),
                runtime.getActiveActivityIds(instance.getId()),
                (String) runtime.getVariable(instance.getId(), StaffOnboardingVariables.LINK_ERROR));
    }

    /** The staff member's answer to {@code enterCustomLink}; validated by the process, which asks again if needed. */
    @Transactional
    public Status submitCustomLink(long staffId, String url, String password, String description) {
        ProcessInstance instance = running(staffId);
        Task task = instance == null ? null : tasks.createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(ENTER_CUSTOM_LINK).singleResult();
        if (task == null) {
            throw new ConflictException("no-custom-link-asked",
                    "Staff member " + staffId + " has no onboarding waiting for a custom link");
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put(LINK_URL, url);
        answer.put(LINK_PASSWORD_SEALED, password == null || password.isEmpty() ? null
                : secrets.seal(password, SecretPurpose.LINK_PASSWORD));
        answer.put(LINK_DESCRIPTION, description);
        tasks.complete(task.getId(), answer);
        ProcessInstance after = running(staffId);
        return after == null ? new Status(instance.getId(), Provider.CUSTOM_LINK.name(), List.of(), null) : status(staffId);
    }

    /** The staff member's onboarding in progress, if any (the dashboard shows it; the API answers 404 without one). */
    @Transactional(readOnly = true)
    public java.util.Optional<Status> current(long staffId) {
        return running(staffId) == null ? java.util.Optional.empty() : java.util.Optional.of(status(staffId));
    }

    private ProcessInstance running(long staffId) {
        return runtime.createProcessInstanceQuery().processDefinitionKey(PROCESS_ID)
                .processInstanceBusinessKey(String.valueOf(staffId)).active().singleResult();
    }
}
