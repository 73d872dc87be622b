package com.videolinks.policy.vocabulary;

import java.util.List;

/**
 * What one session shows on one channel, and why. {@code link} is present only when the status is
 * {@link LinkStatus#SHOWN}; {@code withheld} holds the codes of the rules that left the session without any link
 * (status NONE); {@code rules} names every rule that contributed, in firing order.
 */
public record LinkDecision(long sessionId, Channel channel, LinkStatus status, Link link, LinkSource source,
                           LinkMode mode, List<WithholdReason> withheld, List<String> reasons, List<String> rules,
                           String ruleVersion) {

    public LinkDecision {
        withheld = List.copyOf(withheld);
        reasons = List.copyOf(reasons);
        rules = List.copyOf(rules);
    }

    public boolean shown() {
        return status == LinkStatus.SHOWN;
    }

    /** Whether a rule withheld the session's link for this reason. */
    public boolean withheldFor(WithholdReason reason) {
        return withheld.contains(reason);
    }

    /** The same decision with the link's password left out, for a viewer who may not read it. */
    public LinkDecision withoutLinkPassword() {
        return link == null || link.password() == null ? this
                : new LinkDecision(sessionId, channel, status, new Link(link.url(), null, link.description()), source,
                        mode, withheld, reasons, rules, ruleVersion);
    }
}
