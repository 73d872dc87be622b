package com.videolinks.conferencing.zoom;

import java.util.List;

import org.springframework.modulith.NamedInterface;

/**
 * The Zoom account cannot be used: its grant was revoked (or it was never connected with tokens). The account is
 * marked disconnected and the business alerted; {@code affectedSessionIds} are the upcoming sessions it served.
 */
@NamedInterface("zoom")
public class ZoomAccountDisconnectedException extends ZoomException {

    private final long accountId;
    private final transient List<Long> affectedSessionIds;

    public ZoomAccountDisconnectedException(long accountId, String message, List<Long> affectedSessionIds) {
        super(message);
        this.accountId = accountId;
        this.affectedSessionIds = List.copyOf(affectedSessionIds);
    }

    public long accountId() {
        return accountId;
    }

    public List<Long> affectedSessionIds() {
        return affectedSessionIds;
    }
}
