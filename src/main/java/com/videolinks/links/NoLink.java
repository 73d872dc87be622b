package com.videolinks.links;

import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.WithholdReason;

/**
 * How customer pages and emails word a session without any link, read from the withhold codes the rules concluded
 * (never from the session's own fields): REMOVED (staff removed it, S11), IN_PERSON (the session is offline, S11,
 * S20), or UNAVAILABLE (none at the moment: plan, default account, S2, S4, S9).
 */
public final class NoLink {

    private NoLink() {
    }

    public static String why(LinkDecision decision) {
        if (decision.withheldFor(WithholdReason.REMOVED_FROM_SESSION)) {
            return "REMOVED";
        }
        if (decision.withheldFor(WithholdReason.SESSION_OFFLINE)) {
            return "IN_PERSON";
        }
        return "UNAVAILABLE";
    }
}
