package com.videolinks.session;

import java.time.Instant;

import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ManualLink;

/**
 * One scheduled session of a service, with its staff member and what staff did to its link by hand
 * (S11: added or removed; S20: a link added to an offline session). {@code linkVersion} grows on every such edit.
 * {@code capacity} is how many customers it takes (one for a one-on-one session).
 */
public record Session(long id, long serviceId, Long staffId, Instant startsAt, Instant endsAt, boolean online,
                      ManualLink manualLink, Link manualLinkValue, boolean cancelled, int linkVersion, int capacity) {

    /** The same session with another hand-made link state: what the rules would say if it had it. */
    public Session withManualLink(ManualLink manual, Link value) {
        return new Session(id, serviceId, staffId, startsAt, endsAt, online, manual, value, cancelled, linkVersion,
                capacity);
    }

    /** The same session as someone who may not read its link's password sees it (#11). */
    public Session withoutLinkPassword() {
        return manualLinkValue == null || manualLinkValue.password() == null ? this
                : new Session(id, serviceId, staffId, startsAt, endsAt, online, manualLink,
                        new Link(manualLinkValue.url(), null, manualLinkValue.description()), cancelled, linkVersion,
                        capacity);
    }
}
