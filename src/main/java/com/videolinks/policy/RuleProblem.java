package com.videolinks.policy;

/** One problem found in a rule set, located as precisely as the compiler allows (line and column are 0 when unknown). */
public record RuleProblem(String file, int line, int column, String message) {

    /** {@code rules/plan.drl:12:5: message}, the form editors and terminals link to. */
    public String describe() {
        StringBuilder where = new StringBuilder(file);
        if (line > 0) {
            where.append(':').append(line);
            if (column > 0) {
                where.append(':').append(column);
            }
        }
        return where + ": " + message;
    }
}
