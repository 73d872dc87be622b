package com.videolinks.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.event.rule.ObjectDeletedEvent;
import org.kie.api.event.rule.ObjectInsertedEvent;
import org.kie.api.event.rule.ObjectUpdatedEvent;
import org.kie.api.event.rule.RuleRuntimeEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

import com.videolinks.policy.vocabulary.Conclusion;

/**
 * One compiled, immutable version of the link policy. Evaluations borrow a pooled session, so one instance
 * serves any number of threads.
 */
public final class CompiledRules {

    /** Rules that keep firing past this are looping; the evaluation fails instead of hanging a request. */
    static final int FIRE_LIMIT = 1_000;
    /** An evaluation of many facts (sessions in a batch) may fire this many more rules per fact. */
    static final int FIRINGS_PER_FACT = 20;

    private final String version;
    private final String hash;
    private final Set<String> ruleNames;
    private final KieSessionsPool sessions;

    private final List<ReleaseId> modules;
    private final List<RuleProblem> nameReads;

    CompiledRules(String version, String hash, KieBase kieBase, Collection<String> ruleNames, List<ReleaseId> modules,
                  List<RuleProblem> nameReads) {
        this.modules = List.copyOf(modules);
        this.nameReads = List.copyOf(nameReads);
        this.version = version;
        this.hash = hash;
        this.ruleNames = new TreeSet<>(ruleNames);
        // ThreadSafeOption.NO would be ~15% faster, but in Drools 10.1 it makes the KieBase's shared rule
        // consequences cache per-session state, so two threads evaluating at once corrupt each other
        // (DroolsMatchesReferenceProperties#manyThreadsSharingOneCompiledVersionDecideLikeTheReference)
        // the pool creates this many sessions at once and grows on demand, keeping every session it made: one is
        // enough to start with, so a candidate the gate rejects, a dry run or a start-up builds one session, not 4 per core
        this.sessions = kieBase.newKieSessionsPool(1);
    }

    public String version() {
        return version;
    }

    public String hash() {
        return hash;
    }

    public Set<String> ruleNames() {
        return ruleNames;
    }

    /**
     * Whether these rules use ids and links only as names ({@link com.videolinks.policy.vocabulary.Opaque}): then a
     * question's answer is its shape's answer with its own names (docs/adr-017-decisions-by-shape.md).
     */
    public boolean decidesByShape() {
        return nameReads.isEmpty();
    }

    /** Where the rules read an id or a link other than by equality; empty when they {@link #decidesByShape()}. */
    public List<RuleProblem> nameReads() {
        return nameReads;
    }

    /** Inserts the facts, fires the rules and returns what they concluded, in the order concluded. */
    public List<Conclusion> evaluate(Collection<?> facts) {
        return evaluate(facts, null);
    }

    /** As {@link #evaluate(Collection)}, reporting every firing to {@code listener} (rule-test suites). */
    public List<Conclusion> evaluate(Collection<?> facts, AgendaEventListener listener) {
        KieSession session = sessions.newKieSession();
        try {
            // collected as inserted: the order the rules concluded in, which the object store does not promise
            ConclusionCollector conclusions = new ConclusionCollector();
            session.addEventListener(conclusions);
            if (listener != null) {
                session.addEventListener(listener);
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            // an evaluation of many sessions fires a few rules per fact; a loop fires without end
            int limit = FIRE_LIMIT + FIRINGS_PER_FACT * facts.size();
            int fired = session.fireAllRules(limit);
            if (fired >= limit) {
                throw new RuleLoopException(version, limit);
            }
            return conclusions.inWorkingMemory();
        } finally {
            // back to the pool, whose reset drops the facts and every listener added above
            session.dispose();
        }
    }

    /**
     * The ids of the modules its files were built in, one per file (a file unchanged since an earlier version keeps
     * that version's build); the compiler removed each module from the KieRepository after building it.
     */
    List<ReleaseId> modules() {
        return modules;
    }

    @Override
    public String toString() {
        return "CompiledRules[" + version + ", " + ruleNames.size() + " rules]";
    }

    /**
     * The conclusions in working memory, in the order they were inserted. Follows deletes and updates, so a rule
     * that retracts or replaces another rule's conclusion is honoured.
     */
    private static final class ConclusionCollector implements RuleRuntimeEventListener {

        private final List<Conclusion> conclusions = new ArrayList<>(8);

        @Override
        public void objectInserted(ObjectInsertedEvent event) {
            if (event.getObject() instanceof Conclusion conclusion) {
                conclusions.add(conclusion);
            }
        }

        @Override
        public void objectUpdated(ObjectUpdatedEvent event) {
            int at = indexOf(event.getOldObject());
            boolean stillConclusion = event.getObject() instanceof Conclusion;
            if (at >= 0 && stillConclusion) {
                conclusions.set(at, (Conclusion) event.getObject());
            } else if (at >= 0) {
                conclusions.remove(at);
            } else if (stillConclusion) {
                conclusions.add((Conclusion) event.getObject());
            }
        }

        @Override
        public void objectDeleted(ObjectDeletedEvent event) {
            int at = indexOf(event.getOldObject());
            if (at >= 0) {
                conclusions.remove(at);
            }
        }

        List<Conclusion> inWorkingMemory() {
            return conclusions;
        }

        // by identity, as the session tracks facts: two equal records inserted twice are two conclusions
        private int indexOf(Object object) {
            for (int i = 0; i < conclusions.size(); i++) {
                if (conclusions.get(i) == object) {
                    return i;
                }
            }
            return -1;
        }
    }
}
