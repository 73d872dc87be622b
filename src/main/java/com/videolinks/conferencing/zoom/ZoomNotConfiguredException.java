package com.videolinks.conferencing.zoom;

import org.springframework.modulith.NamedInterface;

import com.videolinks.common.UnavailableException;

/**
 * Zoom cannot be reached because this service has no Zoom app configured (the demo's Zoom accounts, or settings
 * missing in production): answered with 503 {@code zoom-not-configured}; a meeting job waits instead of failing.
 */
@NamedInterface("zoom")
public class ZoomNotConfiguredException extends UnavailableException {

    public ZoomNotConfiguredException() {
        super(ZoomNotConfigured.CODE, ZoomNotConfigured.MESSAGE);
    }
}
