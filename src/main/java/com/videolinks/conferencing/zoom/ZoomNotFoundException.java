package com.videolinks.conferencing.zoom;

/** Zoom answered 404: the meeting (or user) does not exist (any more). */
class ZoomNotFoundException extends ZoomException {

    ZoomNotFoundException(String message) {
        super(message);
    }
}
