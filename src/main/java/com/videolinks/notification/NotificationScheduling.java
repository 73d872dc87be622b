package com.videolinks.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

/**
 * Runs the dispatcher and the link-ready sweep on every node ({@code videolinks.notifications.dispatch.enabled};
 * tests switch it off and call them directly). Nodes share the work through claims in the database.
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "videolinks.notifications.dispatch.enabled", havingValue = "true", matchIfMissing = true)
class NotificationScheduling implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(NotificationScheduling.class);

    private final MailDispatcher dispatcher;
    private final LinkReadyFollowUps followUps;
    private final NotificationProperties properties;

    NotificationScheduling(MailDispatcher dispatcher, LinkReadyFollowUps followUps, NotificationProperties properties) {
        this.dispatcher = dispatcher;
        this.followUps = followUps;
        this.properties = properties;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(() -> guarded("sending emails", dispatcher::dispatchDue),
                properties.dispatch().interval());
        registrar.addFixedDelayTask(() -> guarded("following up promised links", followUps::sweep),
                properties.linkReadyInterval());
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
