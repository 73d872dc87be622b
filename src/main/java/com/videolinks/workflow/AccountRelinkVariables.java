package com.videolinks.workflow;

/** Names of the {@code account-relink} process variables; the progress ones are what Cockpit and the owner see. */
final class AccountRelinkVariables {

    static final String RELINK_ID = "relinkId";
    static final String SITE_ID = "siteId";
    /** The staff member whose own account changed; absent for a change of the site's default account. */
    static final String STAFF_ID = "staffId";
    static final String ACCOUNT_ID = "accountId";
    static final String TRIGGER = "trigger";
    /** Upcoming sessions the change may touch, counted when the run started. */
    static final String TOTAL = "sessionsTotal";
    /** Sessions looked at whose meetings now match what the rules conclude. */
    static final String DONE = "sessionsDone";
    /** Sessions whose host has used today's Zoom meeting creations: they wait for the next quota day. */
    static final String WAITING_FOR_QUOTA = "sessionsWaitingForQuota";
    /** Sessions whose sync failed: each got a zoom-meeting-provisioning instance of its own (retries, incident). */
    static final String FAILED = "sessionsFailed";
    /** Meeting creations the change needs, per the survey, and the estimate of when the last one can be made. */
    static final String CREATIONS_NEEDED = "creationsNeeded";
    static final String EXPECTED_FINISH = "expectedFinish";
    /** Pass over the sessions: 1, then one more per quota day waited for. */
    static final String PASS = "pass";
    static final String AFTER_SESSION_ID = "afterSessionId";
    /** In a pass after the first: sessions synced now that were waiting, and those still waiting ("accountId=n,..."). */
    static final String WAITING_THIS_PASS = "waitingThisPass";
    static final String WAITING_BY_ACCOUNT = "waitingByAccount";
    /** What the gateway after a page does: PAGE (next page), WAIT (timer until retryAt), DONE, SUPERSEDED. */
    static final String NEXT = "next";
    static final String RETRY_AT = "retryAt";
    static final String END_REASON = "endReason";

    private AccountRelinkVariables() {
    }
}
