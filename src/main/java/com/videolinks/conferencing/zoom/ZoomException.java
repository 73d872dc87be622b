package com.videolinks.conferencing.zoom;

/** A Zoom call that did not succeed. Messages name the operation and Zoom's answer, never a token. */
public class ZoomException extends RuntimeException {

    public ZoomException(String message) {
        super(message);
    }
}
