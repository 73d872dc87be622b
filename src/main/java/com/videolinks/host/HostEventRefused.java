package com.videolinks.host;

import org.springframework.http.HttpStatus;

/** A delivery refused as a whole (bad signature, too large, not the key's site...): nothing is stored or changed. */
final class HostEventRefused extends RuntimeException {

    private final HttpStatus status;
    private final String code;

    HostEventRefused(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    HttpStatus status() {
        return status;
    }

    String code() {
        return code;
    }
}
