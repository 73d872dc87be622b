package com.videolinks.common;

/** A feature that cannot work as configured (e.g. Zoom without credentials). Answered with 503 and a code. */
public class UnavailableException extends RuntimeException {

    private final String code;

    public UnavailableException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
