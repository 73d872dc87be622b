package com.videolinks.conferencing.zoom;

import java.time.Instant;

import org.springframework.modulith.NamedInterface;

/**
 * Zoom's rate limit (HTTP 429, or the host's daily meeting creations used up): try again at {@code retryAt},
 * which honours Zoom's Retry-After when it sent one.
 */
@NamedInterface("zoom")
public class ZoomRateLimitedException extends ZoomException {

    private final transient Instant retryAt;
    private final boolean daily;

    public ZoomRateLimitedException(String message, Instant retryAt, boolean daily) {
        super(message);
        this.retryAt = retryAt;
        this.daily = daily;
    }

    public Instant retryAt() {
        return retryAt;
    }

    /** The host's daily limit, not a per-second burst. */
    public boolean daily() {
        return daily;
    }
}
