package com.videolinks.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import com.videolinks.policy.vocabulary.AccountFact;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.ConnectDecision;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SiteFact;
import com.videolinks.policy.vocabulary.StaffConnectRequest;
import com.videolinks.policy.vocabulary.ViewRequest;

/**
 * The live link policy. Every question is answered by exactly one compiled version: a question reads the
 * reference once, so a swap never mixes two versions in one decision.
 */
public class LinkPolicy {

    private final AtomicReference<CompiledRules> live = new AtomicReference<>();

    public LinkPolicy(CompiledRules initial) {
        live.set(Objects.requireNonNull(initial));
    }

    /** What this session shows on this channel, and why (S4, S5, S9–S11, S17–S22). */
    public LinkDecision decide(SessionFacts facts, Channel channel) {
        CompiledRules rules = live.get();
        List<Object> inserted = facts.asFacts();
        inserted.add(new ViewRequest(channel));
        return Decisions.link(facts.session().sessionId(), channel, rules.evaluate(inserted), rules.version());
    }

    /** Whether a staff member's own account may be connected now (S4, S13–S15). */
    public ConnectDecision mayConnectStaffAccount(SiteFact site, AccountFact defaultAccount, StaffConnectRequest request) {
        CompiledRules rules = live.get();
        List<Object> facts = new ArrayList<>(3);
        facts.add(site);
        facts.add(request);
        if (defaultAccount != null) {
            facts.add(defaultAccount);
        }
        return Decisions.connect(rules.evaluate(facts), rules.version());
    }

    public CompiledRules current() {
        return live.get();
    }

    /** Makes {@code next} the live version for every question that starts after this call. */
    public void publish(CompiledRules next) {
        live.set(Objects.requireNonNull(next));
    }
}
