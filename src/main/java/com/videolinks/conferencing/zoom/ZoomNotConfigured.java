package com.videolinks.conferencing.zoom;

/** The one "Zoom is not configured" answer: 503 with code {@code zoom-not-configured}, naming the settings. */
final class ZoomNotConfigured {

    static final String CODE = "zoom-not-configured";
    static final String MESSAGE = "Zoom is not configured on this service: set videolinks.zoom.client-id, "
            + "client-secret and redirect-uri (see README, 'Connecting a real Zoom app')";

    private ZoomNotConfigured() {
    }

    static ZoomNotConfiguredException exception() {
        return new ZoomNotConfiguredException();
    }
}
