package com.videolinks.notification;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the dispatcher, the link-ready sweep and the rule-release comparison on every node ({@code videolinks.notifications.dispatch.enabled};
 * tests switch it off and call them directly). Nodes share the work through claims in the database.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "videolinks.notifications.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduling.class);

    private static final Duration CLEAN_UP_INTERVAL = Duration.ofHours(1);

    private final MailDispatcher dispatcher;
    private final LinkReadyFollowUps followUps;
    private final RuleReleaseAnnouncements releaseAnnouncements;
    private final Outbox outbox;
    private final NotificationProperties properties;
    private final Clock clock;

    NotificationScheduling(MailDispatcher dispatcher, LinkReadyFollowUps followUps,
                           RuleReleaseAnnouncements releaseAnnouncements, Outbox outbox,
                           NotificationProperties properties, Clock clock) {
        this.dispatcher = dispatcher;
        this.followUps = followUps;
        this.releaseAnnouncements = releaseAnnouncements;
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("sending emails", dispatcher::dispatchDue),
                properties.dispatch().interval());
        registrar.addFixedDelayTask(() -> guarded("following up promised links", followUps::sweep),
                properties.linkReadyInterval());
        registrar.addFixedDelayTask(() -> guarded("announcing a rule release",
                releaseAnnouncements::announceLiveVersion), properties.releaseCheckInterval());
        registrar.addFixedDelayTask(() -> guarded("forgetting old emails", this::forgetOldEmails), CLEAN_UP_INTERVAL);
    }

    /** Sent and skipped rows are kept for a while for owners and operators to look at, then deleted. */
    private void forgetOldEmails() {
        int deleted = outbox.deleteFinishedBefore(clock.instant().minus(properties.keepFinishedFor()));
        if (deleted > 0) {
            log.info("Deleted {} sent or skipped emails older than {}", deleted, properties.keepFinishedFor());
        }
    }

    private static void guarded(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            // usually the database is unreachable; the next round tries again
            log.error("Notifications: {} failed, retrying next round: {}", what, e.toString(), e);
        }
    }
}
