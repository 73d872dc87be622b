package com.videolinks.booking;

import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;

/**
 * What a customer is told about a session's video link on one channel: only the status unless the link is
 * shown, so a hidden link (and its password and description) never reaches the customer (S21, S22).
 */
public record CustomerLink(LinkStatus status, String url, String password, String description) {

    public static CustomerLink of(LinkDecision decision) {
        if (!decision.shown()) {
            return new CustomerLink(decision.status(), null, null, null);
        }
        return new CustomerLink(LinkStatus.SHOWN, decision.link().url(), decision.link().password(),
                decision.link().description());
    }

    @Override
    public String toString() {
        return "CustomerLink[" + status + ", url=" + url + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
