package com.videolinks.conferencing.zoom;

import com.videolinks.common.UnavailableException;

/** The one "Zoom is not configured" answer: 503 with code {@code zoom-not-configured}, naming the settings. */
final class ZoomNotConfigured {

    static final String CODE = "zoom-not-configured";

    private ZoomNotConfigured() {
    }

    static UnavailableException exception() {
        return new UnavailableException(CODE, "Zoom is not configured on this service: set videolinks.zoom.client-id, "
                + "client-secret and redirect-uri (see README, 'Connecting a real Zoom app')");
    }
}
