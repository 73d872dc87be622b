package com.videolinks.conferencing.zoom;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.alert.BusinessAlerts;
import com.videolinks.conferencing.AccountRevoked;
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
    static final String UNCERTAIN_CODE = "zoom-token-refresh-uncertain";
    private static final Logger log = LoggerFactory.getLogger(ZoomRevocations.class);

    private final ConferencingAccounts accounts;
    private final Sessions sessions;
    private final BusinessAlerts alerts;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ZoomRevocations(ConferencingAccounts accounts, Sessions sessions, BusinessAlerts alerts,
                    PlatformTransactionManager transactions, Clock clock, ApplicationEventPublisher events) {
        this.events = events;
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
            // a site's default account reaches links added by hand too (S9 hides every link of the site): every
            // session of the site not over is affected, as LinkChangeNotices compares for an account change
            List<Long> affected = account.staffId() == null
                    ? sessions.notOverOfSite(account.siteId(), clock.instant())
                    : sessions.upcomingOfStaff(account.staffId(), clock.instant());
            String message = account.label() + " was disconnected: " + why + ". " + affected.size()
                    + (account.staffId() == null ? " upcoming session(s) of the site lose their link"
                            : " upcoming session(s) got their link from it")
                    + (affected.isEmpty() ? "" : " " + affected) + ". "
                    + (account.staffId() == null
                            ? "No session of the site shows a link, links added by hand included, until a default "
                                    + "account is connected again (S9)."
                            : "They use the site's default account until the staff member connects Zoom again (S10).");
            if (accounts.markDisconnected(accountId, why)) {
                alerts.raise(account.siteId(), ALERT_CODE, message, accountId, affected);
                events.publishEvent(new AccountRevoked(accountId, account.siteId(), account.staffId(), affected));
                // not the alert's text: it names the Zoom user's email, which stays out of the log (#11)
                log.warn("Site {}: {} account {} was disconnected ({}); {} upcoming session(s) affected. "
                        + "Reconnect it through Zoom's sign-in.", account.siteId(), account.provider(), accountId, why,
                        affected.size());
            }
            return new ZoomAccountDisconnectedException(accountId, message, affected);
        });
    }

    /**
     * A token refresh got no answer (#14): the account stays connected, the business and the log hear that it needs a
     * new Zoom sign-in before {@code accessExpiresAt} unless a later rotation succeeds.
     */
    void refreshUncertain(long accountId, String why, java.time.Instant accessExpiresAt) {
        ownTransaction.executeWithoutResult(status -> {
            ConferencingAccount account = accounts.find(accountId).orElseThrow();
            String message = account.label() + ": a Zoom token refresh got no answer (" + why + "). Zoom may have "
                    + "replaced the refresh token, so it is not sent again and the account stays connected; its access "
                    + "token works until " + accessExpiresAt + ". Sign in to Zoom again to reconnect it before then.";
            alerts.raise(account.siteId(), UNCERTAIN_CODE, message, accountId, List.of());
            log.error("Site {}: {}", account.siteId(), message);
        });
    }
}
