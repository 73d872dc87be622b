package com.videolinks.workflow;

/** Names of the {@code staff-onboarding} process variables and messages. */
final class StaffOnboardingVariables {

    static final String PROCESS_ID = "staff-onboarding";
    static final String STAFF_ID = "staffId";
    static final String SITE_ID = "siteId";
    /** ZOOM or CUSTOM_LINK: the staff member's choice. */
    static final String PROVIDER = "provider";
    /** True when the staff member started it; false when an owner or operator invited them. */
    static final String BY_SELF = "bySelf";
    static final String STARTED_BY = "startedBy";
    static final String MAY_CONNECT = "mayConnect";
    static final String END_REASON = "endReason";
    static final String LINK_URL = "linkUrl";
    /** The link's password sealed with the service's secret box: never in clear in Camunda's tables. */
    static final String LINK_PASSWORD_SEALED = "linkPasswordSealed";
    static final String LINK_DESCRIPTION = "linkDescription";
    static final String LINK_VALID = "linkValid";
    /** Why the last entered link was refused; the user task shows it when it asks again. */
    static final String LINK_ERROR = "linkError";
    static final String ACCOUNT_ID = "accountId";
    static final String SESSIONS_REPROVISIONED = "sessionsReprovisioned";

    static final String STAFF_ACCOUNT_CONNECTED = "staffAccountConnected";
    static final String DEFAULT_ACCOUNT_DISCONNECTED = "defaultAccountDisconnected";
    static final String REFUSED_ERROR = "staff-account-refused";

    private StaffOnboardingVariables() {
    }
}
