package com.videolinks.policy.vocabulary;

import java.util.List;

/**
 * What one session shows on one channel, and why. {@code link} is present only when the status is
 * {@link LinkStatus#SHOWN}; {@code rules} names every rule that contributed, in firing order.
 */
public record LinkDecision(long sessionId, Channel channel, LinkStatus status, Link link, LinkSource source,
                           LinkMode mode, List<String> reasons, List<String> rules, String ruleVersion) {

    public LinkDecision {
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }

    public boolean shown() {
        return status == LinkStatus.SHOWN;
    }

    /** The same decision with the link's password left out, for a viewer who may not read it. */
    public LinkDecision withoutLinkPassword() {
        return link == null || link.password() == null ? this
                : new LinkDecision(sessionId, channel, status, new Link(link.url(), null, link.description()), source,
                        mode, reasons, rules, ruleVersion);
    }
}
