package com.videolinks.policy.vocabulary;

/**
 * One scheduled session of a service. {@code manualLink} is what staff did by hand on it (S11, S20);
 * {@code manualLinkValue} is the link they added, when they added one. {@code cancelled}: the session will not take
 * place (it keeps its link decisions, but needs no Zoom meeting).
 */
public record SessionFact(@Opaque long sessionId, @Opaque long serviceId, ServiceKind kind, boolean online, @Opaque Long staffId,
                          ManualLink manualLink, @Opaque Link manualLinkValue, boolean cancelled) {

    /** A session that takes place. */
    public SessionFact(long sessionId, long serviceId, ServiceKind kind, boolean online, Long staffId,
                       ManualLink manualLink, Link manualLinkValue) {
        this(sessionId, serviceId, kind, online, staffId, manualLink, manualLinkValue, false);
    }
}
