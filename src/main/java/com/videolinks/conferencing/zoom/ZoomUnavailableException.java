package com.videolinks.conferencing.zoom;

/** Zoom answered 5xx or not at all, every attempt: worth retrying later (the job's retry cycle does). */
public class ZoomUnavailableException extends ZoomException {

    public ZoomUnavailableException(String message) {
        super(message);
    }
}
