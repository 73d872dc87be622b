package com.videolinks.alert;

import java.time.Instant;
import java.util.List;

/**
 * Something the business must act on, with the sessions it affects: a revoked Zoom account (no silent fallback),
 * a meeting deleted in Zoom (customers may hold the old link). Open until acknowledged.
 */
public record BusinessAlert(long id, long siteId, String code, String message, Long accountId, List<Long> sessionIds,
                            Instant raisedAt, Instant acknowledgedAt) {

    public BusinessAlert {
        sessionIds = List.copyOf(sessionIds);
    }
}
