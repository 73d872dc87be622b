package com.videolinks.workflow;

import static com.videolinks.workflow.StaffOnboardingVariables.ACCOUNT_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.PROVIDER;
import static com.videolinks.workflow.StaffOnboardingVariables.SITE_ID;
import static com.videolinks.workflow.StaffOnboardingVariables.STAFF_ID;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.videolinks.alert.BusinessAlerts;
import com.videolinks.notification.StaffNotifications;
import com.videolinks.staff.StaffMembers;

/**
 * Tasks {@code notifyStaffConnected} and {@code remindStaffOfZoomSignIn}: the staff member gets an email through
 * the outbox of #5 ({@link StaffNotifications}, written in the job's transaction and keyed so a retried job sends
 * one email), and the site gets an alert ({@code GET /api/sites/{id}/alerts}) and the log a line, as before.
 * Public because BPMN expressions call its methods by reflection.
 */
@Component("staffOnboardingNotifying")
public class StaffOnboardingNotifying {

    private static final Logger log = LoggerFactory.getLogger(StaffOnboardingNotifying.class);

    private final BusinessAlerts alerts;
    private final StaffMembers staff;
    private final StaffNotifications emails;

    StaffOnboardingNotifying(BusinessAlerts alerts, StaffMembers staff, StaffNotifications emails) {
        this.alerts = alerts;
        this.staff = staff;
        this.emails = emails;
    }

    /** {@code ${staffOnboardingNotifying.connected(execution)}} */
    public void connected(DelegateExecution execution) {
        long staffId = ((Number) execution.getVariable(STAFF_ID)).longValue();
        long siteId = ((Number) execution.getVariable(SITE_ID)).longValue();
        Number accountId = (Number) execution.getVariable(ACCOUNT_ID);
        String name = staff.get(staffId).name();
        String message = name + " (staff " + staffId + ") connected their own " + execution.getVariable(PROVIDER)
                + " account: their upcoming sessions use it now (S10, S13)";
        alerts.raise(siteId, "staff-account-connected", message, accountId == null ? null : accountId.longValue(),
                List.of());
        if (accountId != null) {
            emails.accountConnected(siteId, staffId, accountId.longValue());
        }
        // the message names the staff member: personal data stays in the alert, out of the log (#11)
        log.info("Staff onboarding of staff member {}: connected their own {} account", staffId,
                execution.getVariable(PROVIDER));
    }

    /** {@code ${staffOnboardingNotifying.remindZoomSignIn(execution)}} */
    public void remindZoomSignIn(DelegateExecution execution) {
        long staffId = ((Number) execution.getVariable(STAFF_ID)).longValue();
        long siteId = ((Number) execution.getVariable(SITE_ID)).longValue();
        String message = staff.get(staffId).name() + " (staff " + staffId + ") has not finished signing in to Zoom: "
                + "POST /api/staff/" + staffId + "/account/zoom-authorization, then follow authorizeUrl (S16)";
        alerts.raise(siteId, "staff-zoom-sign-in-pending", message, null, List.of());
        emails.zoomSignInReminder(siteId, staffId, execution.getProcessInstanceId());
        log.info("Staff onboarding of staff member {}: reminder sent", staffId);
    }
}
