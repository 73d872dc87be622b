package com.videolinks.session;

import com.videolinks.common.InvalidInputException;
import com.videolinks.policy.vocabulary.ServiceKind;

/**
 * How many customers a new session takes: exactly one for a one-on-one session (S17), what the business asks for a
 * class or a course, {@value #DEFAULT_GROUP} unless it says otherwise.
 */
public final class SessionCapacity {

    public static final int DEFAULT_GROUP = 20;
    public static final int MAX = 10_000;

    private SessionCapacity() {
    }

    /** The capacity of a new session of this kind; {@code requested} may be null. A wrong one is a 400 on "capacity". */
    public static int of(ServiceKind kind, Integer requested) {
        if (kind == ServiceKind.ONE_ON_ONE) {
            if (requested != null && requested != 1) {
                throw new InvalidInputException("capacity", "a one-on-one session takes exactly one customer");
            }
            return 1;
        }
        if (requested == null) {
            return DEFAULT_GROUP;
        }
        if (requested < 1 || requested > MAX) {
            throw new InvalidInputException("capacity", "must be between 1 and " + MAX);
        }
        return requested;
    }
}
