package com.videolinks.conferencing.zoom;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.alert.BusinessAlerts;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.ConferencingAccounts;
import com.videolinks.session.Sessions;

/**
 * A Zoom grant that is gone (revoked in Zoom, expired refresh token): the account is marked disconnected, the
 * upcoming sessions it served are listed, and the business is alerted (log + stored alert), all in one transaction of
 * its own so a failing job cannot roll it back. Never a silent switch to another provider.
 */
@Component
class ZoomRevocations {

    static final String ALERT_CODE = "zoom-account-disconnected";
    private static final Logger log = LoggerFactory.getLogger(ZoomRevocations.class);

    private final ConferencingAccounts accounts;
    private final Sessions sessions;
    private final BusinessAlerts alerts;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    ZoomRevocations(ConferencingAccounts accounts, Sessions sessions, BusinessAlerts alerts,
                    PlatformTransactionManager transactions, Clock clock) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.alerts = alerts;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Disconnects the account (once) and returns the exception for the caller to throw. */
    ZoomAccountDisconnectedException revoked(long accountId, String why) {
        return ownTransaction.execute(status -> {
            ConferencingAccount account = accounts.find(accountId).orElseThrow();
            List<Long> affected = account.staffId() == null
                    ? sessions.upcomingOfSite(account.siteId(), clock.instant())
                    : sessions.upcomingOfStaff(account.staffId(), clock.instant());
            String message = account.label() + " was disconnected: " + why + ". " + affected.size()
                    + " upcoming session(s) got their link from it" + (affected.isEmpty() ? "" : " " + affected) + ". "
                    + (account.staffId() == null
                            ? "No session of the site shows a link until a default account is connected again (S9)."
                            : "They use the site's default account until the staff member connects Zoom again (S10).");
            if (accounts.markDisconnected(accountId, why)) {
                alerts.raise(account.siteId(), ALERT_CODE, message, accountId, affected);
                // not the alert's text: it names the Zoom user's email, which stays out of the log (#11)
                log.warn("Site {}: {} account {} was disconnected ({}); {} upcoming session(s) got their link from it. "
                        + "Reconnect it through Zoom's sign-in.", account.siteId(), account.provider(), accountId, why,
                        affected.size());
            }
            return new ZoomAccountDisconnectedException(accountId, message, affected);
        });
    }
}
