package com.videolinks.notification;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff members' emails (#6), written to the outbox by the staff onboarding workflow's tasks in the job's own
 * transaction. The tasks are asynchronous and retried, so each email is keyed by what it announces: a retried or
 * repeated task leaves one row and sends one email. Like every outbox email, it is rendered when it is sent
 * ({@link MailRenderer}), in Korean, and never holds a link's password.
 */
@Component
public class StaffNotifications {

    private final Outbox outbox;
    private final Clock clock;

    StaffNotifications(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * The staff member's own account {@code accountId} was connected by their onboarding. MANDATORY: written with
     * the job that connects it, never on its own. True if the email is new.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean accountConnected(long siteId, long staffId, long accountId) {
        return outbox.add(NewOutboxMessage.staffAccountConnected(siteId, staffId, accountId), clock.instant());
    }

    /** The onboarding {@code onboardingId} (its process instance) reminds the staff member to sign in to Zoom. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean zoomSignInReminder(long siteId, long staffId, String onboardingId) {
        return outbox.add(NewOutboxMessage.staffZoomSignInReminder(siteId, staffId, onboardingId), clock.instant());
    }
}
