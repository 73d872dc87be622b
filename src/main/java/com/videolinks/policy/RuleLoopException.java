package com.videolinks.policy;

/** The rules kept firing past the limit: almost always a rule that re-triggers itself. */
public class RuleLoopException extends RuntimeException {

    public RuleLoopException(String version, int limit) {
        super("Rules version " + version + " fired more than " + limit
                + " times for one evaluation; a rule probably re-triggers itself");
    }
}
