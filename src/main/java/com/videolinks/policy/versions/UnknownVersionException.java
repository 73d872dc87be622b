package com.videolinks.policy.versions;

import org.springframework.modulith.NamedInterface;

/** A rule version id that was never stored. */
@NamedInterface("versions")
public class UnknownVersionException extends RuntimeException {

    public UnknownVersionException(long id) {
        super("rule version " + id + " not found");
    }
}
