package com.videolinks.common;

/** Input that passed the JSON shape but breaks a domain rule; names the offending field. Answered with 400. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
