package com.videolinks.links;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.SessionFacts;

/**
 * The rules' own answers, remembered by the whole question (docs/adr-015-link-request-cost.md): the key is every fact
 * the rules were given — read from the database in this request, compared by value — and the channel; the answers are
 * those of one compiled rule version and are all dropped when another version goes live. The rules see nothing else
 * (no clock, no globals, no calls out: the content policy refuses them), so the same question to the same version has
 * the same answer, and an answer can never be stale: any change to a fact is a different key.
 */
final class RememberedDecisions {

    static final int MAX_DECISIONS = 10_000;

    private record Question(SessionFacts facts, Channel channel) {
    }

    private final LinkPolicy policy;
    private final LiveVersionMemory<Question, LinkDecision> memory;

    RememberedDecisions(LinkPolicy policy) {
        this.policy = policy;
        this.memory = new LiveVersionMemory<>(policy, MAX_DECISIONS);
    }

    /** The live version's answer to this question: remembered, or asked now and remembered. */
    LinkDecision decide(SessionFacts facts, Channel channel) {
        LiveVersionMemory.OfVersion<Question, LinkDecision> ofLive = memory.live();
        Question question = new Question(facts, channel);
        LinkDecision known = ofLive.answers().getIfPresent(question);
        if (known != null) {
            return known;
        }
        LinkDecision decided = policy.decide(facts, channel);
        // a version published while the rules were asked: its answer is not remembered as the older version's
        if (memory.stillLive(ofLive, decided.ruleVersion())) {
            ofLive.answers().put(question, decided);
        }
        return decided;
    }
}
