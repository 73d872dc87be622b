package com.videolinks.policy.release;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Keeps this node on the version the database says is active, whichever node published it. */
public class ActiveVersionFollower implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ActiveVersionFollower.class);

    private final RuleReleases releases;
    private final Duration interval;
    private ScheduledExecutorService scheduler;

    public ActiveVersionFollower(RuleReleases releases, Duration interval) {
        this.releases = releases;
        this.interval = interval;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "rules-follower");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::follow, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void follow() {
        try {
            releases.follow();
        } catch (RuntimeException e) {
            log.error("Could not load the rule version activated in the database; this node keeps its version", e);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
