package com.videolinks.policy.release;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Watches the rules folder and its tests/ sub-folder. An editor's burst of writes becomes one offer to the gate,
 * {@code debounce} after the last change.
 */
public class RulesFolderWatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RulesFolderWatcher.class);

    private final Path folder;
    private final Duration debounce;
    private final RuleReleases releases;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "rules-reload");
        thread.setDaemon(true);
        return thread;
    });
    private volatile WatchService watchService;
    private volatile Thread watcher;
    private ScheduledFuture<?> pending;

    public RulesFolderWatcher(Path folder, Duration debounce, RuleReleases releases) {
        this.folder = folder.toAbsolutePath().normalize();
        this.debounce = debounce;
        this.releases = releases;
    }

    @Override
    public void start() {
        try {
            watchService = FileSystems.getDefault().newWatchService();
            register(folder);
            Path tests = folder.resolve("tests");
            if (Files.isDirectory(tests)) {
                register(tests);
            }
        } catch (IOException e) {
            log.error("Cannot watch rules folder {}; rule changes need POST /api/rules/reload: {}", folder, e.getMessage());
            return;
        }
        watcher = new Thread(this::watch, "rules-watcher");
        watcher.setDaemon(true);
        watcher.start();
        log.info("Watching {} for rule changes (debounce {} ms)", folder, debounce.toMillis());
    }

    private void register(Path path) throws IOException {
        path.register(watchService, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
    }

    private void watch() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watchService.take();
                key.pollEvents();
                key.reset();
                schedule();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void schedule() {
        if (pending != null) {
            pending.cancel(false);
        }
        pending = scheduler.schedule(this::reload, debounce.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void reload() {
        try {
            releases.offerFolder(folder, "rules folder watcher");
        } catch (RuntimeException e) {
            log.error("Reloading rules from {} failed; the live version stays", folder, e);
        }
    }

    @Override
    public void stop() {
        try {
            if (watchService != null) {
                watchService.close();
            }
        } catch (IOException e) {
            log.debug("closing the watch service", e);
        }
        if (watcher != null) {
            watcher.interrupt();
        }
        scheduler.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return watcher != null && watcher.isAlive();
    }
}
