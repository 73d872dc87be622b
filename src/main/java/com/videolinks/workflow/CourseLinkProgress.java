package com.videolinks.workflow;

import java.util.Optional;

import org.springframework.stereotype.Service;

import com.videolinks.notification.LinkChangeNotifications;
import com.videolinks.notification.LinkChangeNotifications.CourseDelivery;

/**
 * How far the latest {@code course-link-update} run of a course has got (S19): recipients and where the run stands
 * from the process, and the emails of its link version sent, failed (parked) and pending from the outbox itself — the
 * process variables Cockpit shows lag behind (a failing {@code checkDelivery} job rolls its own counts back).
 */
@Service
public class CourseLinkProgress {

    /** RUNNING, or ENDED at {@code endActivity} (customersNotified, supersededByNewerEdit). */
    public record Progress(String processInstanceId, int linkVersion, boolean running, String endActivity,
                           long total, long queued, long sent, long failed, long pending, boolean incident) {

        /** Every customer holding a booking got the email of this link version. */
        public boolean allSent() {
            return !running && "customersNotified".equals(endActivity) && failed == 0 && pending == 0;
        }
    }

    private final LatestProcessRuns runs;
    private final LinkChangeNotifications notifications;

    CourseLinkProgress(LatestProcessRuns runs, LinkChangeNotifications notifications) {
        this.runs = runs;
        this.notifications = notifications;
    }

    /** The newest run of the course's link update, if the course's link was ever edited. */
    public Optional<Progress> latest(long courseId) {
        return runs.latest(CourseLinkUpdateTrigger.PROCESS_ID, String.valueOf(courseId)).map(run -> {
            int linkVersion = (int) run.number(CourseVariables.LINK_VERSION);
            CourseDelivery delivery = notifications.courseDelivery(courseId, linkVersion);
            return new Progress(run.instance().getId(), linkVersion, run.running(), run.instance().getEndActivityId(),
                    run.number(CourseVariables.TOTAL), run.number(CourseVariables.QUEUED),
                    delivery.sent(), delivery.parked(), delivery.pending(), run.incident());
        });
    }
}
