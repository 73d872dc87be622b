package com.videolinks.links;

import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.videolinks.policy.CompiledRules;
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

    /** The answers of one compiled version: a new version starts with none, and the old one's go with it. */
    private record OfVersion(CompiledRules rules, Cache<Question, LinkDecision> answers) {
    }

    private final LinkPolicy policy;
    private final AtomicReference<OfVersion> remembered = new AtomicReference<>();

    RememberedDecisions(LinkPolicy policy) {
        this.policy = policy;
    }

    /** The live version's answer to this question: remembered, or asked now and remembered. */
    LinkDecision decide(SessionFacts facts, Channel channel) {
        CompiledRules live = policy.current();
        OfVersion ofLive = remembered.updateAndGet(now -> now != null && now.rules() == live ? now
                : new OfVersion(live, Caffeine.newBuilder().maximumSize(MAX_DECISIONS).build()));
        Question question = new Question(facts, channel);
        LinkDecision known = ofLive.answers().getIfPresent(question);
        if (known != null) {
            return known;
        }
        LinkDecision decided = policy.decide(facts, channel);
        // a version published while the rules were asked: its answer is not remembered as the older version's
        if (live.version().equals(decided.ruleVersion()) && policy.current() == live) {
            ofLive.answers().put(question, decided);
        }
        return decided;
    }
}
