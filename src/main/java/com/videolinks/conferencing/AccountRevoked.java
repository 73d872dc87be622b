package com.videolinks.conferencing;

import java.util.List;

/**
 * Published inside the transaction that marked an account disconnected because its Zoom grant is gone (revoked in
 * Zoom, expired refresh token). {@code sessionIds}: the upcoming sessions it served; their links change (S9, S10).
 */
public record AccountRevoked(long accountId, long siteId, Long staffId, List<Long> sessionIds) {

    public AccountRevoked {
        sessionIds = List.copyOf(sessionIds);
    }
}
