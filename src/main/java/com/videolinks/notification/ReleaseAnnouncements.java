package com.videolinks.notification;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/** Reads how far each rule release's customers were told ({@link ReleaseAnnouncement}); the runs stay this feature's. */
@Component
public class ReleaseAnnouncements {

    private final ReleaseAnnouncementRuns runs;

    ReleaseAnnouncements(ReleaseAnnouncementRuns runs) {
        this.runs = runs;
    }

    /** Empty when the version never went live (or went live before announcements were kept). */
    public Optional<ReleaseAnnouncement> of(long ruleVersionId) {
        return runs.find(ruleVersionId).map(ReleaseAnnouncements::announcement);
    }

    /** {@link #of} for many versions in one query, by version id. */
    public Map<Long, ReleaseAnnouncement> of(Collection<Long> ruleVersionIds) {
        return runs.findAll(ruleVersionIds).stream().map(ReleaseAnnouncements::announcement)
                .collect(java.util.stream.Collectors.toMap(ReleaseAnnouncement::ruleVersionId, a -> a));
    }

    private static ReleaseAnnouncement announcement(ReleaseAnnouncementRuns.Run run) {
        ReleaseAnnouncement.State state = run.outcome() == null ? ReleaseAnnouncement.State.COMPARING
                : ReleaseAnnouncement.State.valueOf(run.outcome());
        return new ReleaseAnnouncement(run.ruleVersionId(), state, run.sessionsChecked(), run.emailsWritten(),
                run.foundAt(), run.finishedAt());
    }
}
