package com.videolinks.policy.vocabulary;

/**
 * One scheduled session of a service. {@code manualLink} is what staff did by hand on it (S11, S20);
 * {@code manualLinkValue} is the link they added, when they added one.
 */
public record SessionFact(long sessionId, long serviceId, ServiceKind kind, boolean online, Long staffId,
                          ManualLink manualLink, Link manualLinkValue) {
}
