package com.videolinks.conferencing.zoom;

/** Zoom refused the request (4xx other than 401 and 429): retrying the same request will not help. */
public class ZoomRejectedException extends ZoomException {

    private final int status;

    public ZoomRejectedException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
