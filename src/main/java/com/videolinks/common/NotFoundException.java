package com.videolinks.common;

/** An id that names nothing (or nothing the caller may see). Answered with 404. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " not found");
    }
}
