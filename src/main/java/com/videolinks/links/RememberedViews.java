package com.videolinks.links;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.videolinks.policy.LinkPolicy;
import com.videolinks.policy.vocabulary.SessionFacts;
import com.videolinks.policy.vocabulary.SessionView;

/**
 * {@link RememberedDecisions} for whole views (every channel and the meeting requirement of a session): remembered by
 * the session's facts, compared by value, for one compiled version (docs/adr-015-link-request-cost.md). The rules
 * conclude about each session from its own facts only (every conclusion names its session), so a session's view is
 * the same whichever sessions it was evaluated with; the sessions not remembered are evaluated together as before.
 */
final class RememberedViews {

    static final int MAX_VIEWS = 10_000;

    private final LinkPolicy policy;
    private final LiveVersionMemory<SessionFacts, SessionView> memory;

    RememberedViews(LinkPolicy policy) {
        this.policy = policy;
        this.memory = new LiveVersionMemory<>(policy, MAX_VIEWS);
    }

    /** The live version's view of each session, keyed by session id in the order given. */
    Map<Long, SessionView> views(Collection<SessionFacts> of) {
        LiveVersionMemory.OfVersion<SessionFacts, SessionView> ofLive = memory.live();
        Map<Long, SessionView> views = new LinkedHashMap<>(of.size() * 2);
        List<SessionFacts> unknown = new ArrayList<>();
        for (SessionFacts facts : of) {
            SessionView known = ofLive.answers().getIfPresent(facts);
            views.put(facts.session().sessionId(), known);
            if (known == null) {
                unknown.add(facts);
            }
        }
        if (unknown.isEmpty()) {
            return views;
        }
        Map<Long, SessionView> evaluated = policy.views(unknown);
        for (SessionFacts facts : unknown) {
            SessionView view = evaluated.get(facts.session().sessionId());
            views.put(facts.session().sessionId(), view);
            // a version published while the rules were asked: its views are not remembered as the older version's
            if (view != null && memory.stillLive(ofLive, view.ruleVersion())) {
                ofLive.answers().put(facts, view);
            }
        }
        return views;
    }
}
