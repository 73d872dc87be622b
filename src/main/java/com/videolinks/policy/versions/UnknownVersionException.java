package com.videolinks.policy.versions;

/** A rule version id that was never stored. */
public class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(long id) {
        super("rule version " + id + " not found");
    }
}
