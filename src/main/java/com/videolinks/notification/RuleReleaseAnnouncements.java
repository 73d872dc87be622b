package com.videolinks.notification;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.videolinks.booking.Bookings;
import com.videolinks.policy.release.RuleReleases;

/**
 * A rule release is a cause of link changes like any other (#13): when a new rule version is live on this node, every
 * booked session still to come is compared with its stored link state, page by page, and its customers are told of
 * each effective change ({@link LinkChangeNotices}; a reworded reason changes no link and sends nothing). Whatever
 * made the version live — an HTTP publish, a folder save, a rollback, another node — the run starts from the database
 * (one row per version, V19), resumes after a crash at its committed cursor and is paged by one node at a time. ADR 014.
 */
@Component
class RuleReleaseAnnouncements {

    static final int PAGE = 200;
    private static final Duration CLAIM_FOR = Duration.ofMinutes(2);
    private static final Logger log = LoggerFactory.getLogger(RuleReleaseAnnouncements.class);

    private final RuleReleases releases;
    private final ReleaseAnnouncementRuns runs;
    private final Bookings bookings;
    private final LinkChangeNotices notices;
    private final Clock clock;
    private final TransactionTemplate transaction;
    private final String claimer;

    RuleReleaseAnnouncements(RuleReleases releases, ReleaseAnnouncementRuns runs, Bookings bookings,
                             LinkChangeNotices notices, NotificationProperties properties, Clock clock,
                             PlatformTransactionManager transactions) {
        this.releases = releases;
        this.runs = runs;
        this.bookings = bookings;
        this.notices = notices;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
        String node = properties.nodeId().isBlank() ? ManagementFactory.getRuntimeMXBean().getName() : properties.nodeId();
        this.claimer = node + "/" + UUID.randomUUID();
    }

    /** One round (the scheduler calls it every few seconds; tests directly): the emails this round wrote. */
    int announceLiveVersion() {
        RuleReleases.State live = releases.state();
        if (live == null) {
            return 0;
        }
        long version = live.activeVersionId();
        Instant now = clock.instant();
        Optional<ReleaseAnnouncementRuns.Run> known = runs.find(version);
        if (known.isPresent() && known.get().finishedAt() != null) {
            return 0; // every round but the first few after a release: one read by key
        }
        if (known.isEmpty() && !runs.anyRecorded()) {
            if (runs.baseline(version, now)) {
                log.info("Rule version {} is the first this database runs: later releases are compared with it", version);
            }
            return 0;
        }
        if (known.isEmpty() && runs.begin(version, now)) {
            int superseded = runs.supersedeAllBut(version, now);
            log.info("Rule version {} is live: comparing the link of every booked session still to come{}", version,
                    superseded > 0 ? " (it supersedes " + superseded + " unfinished comparison(s) of earlier versions)" : "");
        }
        Optional<ReleaseAnnouncementRuns.Run> claimed = runs.claim(version, claimer, now, now.plus(CLAIM_FOR));
        return claimed.map(run -> page(version, run)).orElse(0);
    }

    private int page(long version, ReleaseAnnouncementRuns.Run run) {
        long after = run.afterSessionId();
        int checked = run.sessionsChecked();
        int written = run.emailsWritten();
        int writtenNow = 0; // by this round: a resumed run's earlier pages were another round's
        while (true) {
            RuleReleases.State live = releases.state();
            if (live == null || live.activeVersionId() != version) {
                log.info("Rule version {} is no longer live here after {} sessions compared; the newer version's run "
                        + "compares them all", version, checked);
                return writtenNow;
            }
            List<Long> page = bookings.upcomingBookedSessions(clock.instant(), after, PAGE);
            long last = page.isEmpty() ? after : page.get(page.size() - 1);
            Integer pageWritten = transaction.execute(status -> {
                int emails = notices.sessionsChanged(page, "rule version " + version + " went live");
                if (!runs.advance(version, claimer, last, page.size(), emails, clock.instant().plus(CLAIM_FOR))) {
                    status.setRollbackOnly();
                    return null;
                }
                return emails;
            });
            if (pageWritten == null) {
                log.warn("Rule version {}: another node took over the comparison after {} sessions", version, checked);
                return writtenNow;
            }
            after = last;
            checked += page.size();
            written += pageWritten;
            writtenNow += pageWritten;
            if (page.size() < PAGE) {
                runs.finish(version, claimer, clock.instant());
                log.info("Rule version {}: {} booked sessions compared, {} link-changed emails to customers", version,
                        checked, written);
                return writtenNow;
            }
        }
    }
}
