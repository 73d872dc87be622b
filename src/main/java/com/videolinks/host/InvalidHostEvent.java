package com.videolinks.host;

import java.util.List;

/** The body is not a valid event of a known type: the fields that are wrong. Answered with 400; nothing stored. */
final class InvalidHostEvent extends RuntimeException {

    record FieldProblem(String field, String message) {
    }

    private final String code;
    private final transient List<FieldProblem> problems;

    InvalidHostEvent(String code, List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + " " + p.message()).reduce((a, b) -> a + "; " + b).orElse("invalid event"));
        this.code = code;
        this.problems = List.copyOf(problems);
    }

    String code() {
        return code;
    }

    List<FieldProblem> problems() {
        return problems;
    }
}
