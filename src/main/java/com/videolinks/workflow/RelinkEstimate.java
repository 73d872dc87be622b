package com.videolinks.workflow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.videolinks.conferencing.zoom.ZoomMeetingApi;

/**
 * When an account re-link can make its last Zoom meeting creation: per host, what it needs beyond what the host has
 * left today goes at {@code daily-meeting-creations} a quota day (UTC); the latest host decides. Creations that fit
 * today finish "now" (the pages take minutes, not days). An estimate: other jobs use the same quota.
 */
@Component
class RelinkEstimate {

    private final ZoomMeetingApi zoom;
    private final Clock clock;

    RelinkEstimate(ZoomMeetingApi zoom, Clock clock) {
        this.zoom = zoom;
        this.clock = clock;
    }

    /**
     * {@code creationsByAccount}: creations still to make per host account. {@code todayCounts}: whether what the
     * hosts have left today can be used (false while the run waits for the next quota day).
     */
    Instant finish(Map<Long, Long> creationsByAccount, boolean todayCounts) {
        Instant now = clock.instant();
        Instant latest = now;
        int perDay = zoom.dailyCreationLimit();
        for (Map.Entry<Long, Long> host : creationsByAccount.entrySet()) {
            long beyondToday = host.getValue() - (todayCounts ? zoom.creationsLeftToday(host.getKey()) : 0);
            if (beyondToday <= 0) {
                continue;
            }
            long days = (beyondToday + perDay - 1) / perDay; // quota days after today
            Instant finish = zoom.nextQuotaDay().plus(Duration.ofDays(days - 1));
            if (finish.isAfter(latest)) {
                latest = finish;
            }
        }
        return latest;
    }
}
