package com.videolinks.links;

import java.util.concurrent.atomic.AtomicReference;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.LinkPolicy;

/**
 * Answers of the live compiled rule version, bounded; a new version starts with none and the old one's go with it
 * (docs/adr-015-link-request-cost.md). Shared by {@link RememberedDecisions} and {@link RememberedViews}.
 */
final class LiveVersionMemory<K, V> {

    /** The live version and its answers, taken together at the start of one question. */
    record OfVersion<K, V>(CompiledRules rules, Cache<K, V> answers) {
    }

    private final LinkPolicy policy;
    private final int maximumSize;
    private final AtomicReference<OfVersion<K, V>> remembered = new AtomicReference<>();

    LiveVersionMemory(LinkPolicy policy, int maximumSize) {
        this.policy = policy;
        this.maximumSize = maximumSize;
    }

    /** The live version's answers, emptied when another version went live. */
    OfVersion<K, V> live() {
        CompiledRules live = policy.current();
        return remembered.updateAndGet(now -> now != null && now.rules() == live ? now
                : new OfVersion<>(live, Caffeine.newBuilder().maximumSize(maximumSize).build()));
    }

    /**
     * Whether an answer the rules gave on {@code of} may be remembered: it names that version and no other version
     * went live while the rules were asked.
     */
    boolean stillLive(OfVersion<K, V> of, String answeredBy) {
        return of.rules().version().equals(answeredBy) && policy.current() == of.rules();
    }
}
