package com.videolinks.conferencing.zoom;

/** Zoom answered 401 to a call: the access token was refused (expired early or revoked). */
class ZoomUnauthorizedException extends ZoomException {

    ZoomUnauthorizedException(String message) {
        super(message);
    }
}
