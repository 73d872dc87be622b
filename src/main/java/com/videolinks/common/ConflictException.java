package com.videolinks.common;

import java.util.List;

/** A valid request that the current state does not allow (e.g. a staff account before the default, S15). Answered with 409. */
public class ConflictException extends RuntimeException {

    private final String code;
    private final transient List<String> reasons;

    public ConflictException(String code, String message, List<String> reasons) {
        super(message);
        this.code = code;
        this.reasons = List.copyOf(reasons);
    }

    public ConflictException(String code, String message) {
        this(code, message, List.of());
    }

    public String code() {
        return code;
    }

    public List<String> reasons() {
        return reasons;
    }
}
