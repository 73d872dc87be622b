package com.videolinks.policy;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AgendaEventListener;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.ClassObjectFilter;

import com.videolinks.policy.vocabulary.Conclusion;

/**
 * One compiled, immutable version of the link policy. Evaluations borrow a pooled session, so one instance
 * serves any number of threads.
 */
public final class CompiledRules {

    /** Rules that keep firing past this are looping; the evaluation fails instead of hanging a request. */
    static final int FIRE_LIMIT = 1_000;

    private final String version;
    private final String hash;
    private final KieBase kieBase;
    private final Set<String> ruleNames;
    private final KieSessionsPool sessions;

    CompiledRules(String version, String hash, KieBase kieBase, Collection<String> ruleNames) {
        this.version = version;
        this.hash = hash;
        this.kieBase = kieBase;
        this.ruleNames = new TreeSet<>(ruleNames);
        this.sessions = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors() * 4);
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

    /** Inserts the facts, fires the rules and returns what they concluded, in the order concluded. */
    public List<Conclusion> evaluate(Collection<?> facts) {
        return evaluate(facts, null);
    }

    /** As {@link #evaluate(Collection)}, reporting every firing to {@code listener} (rule-test suites). */
    public List<Conclusion> evaluate(Collection<?> facts, AgendaEventListener listener) {
        KieSession session = sessions.newKieSession();
        try {
            if (listener != null) {
                session.addEventListener(listener);
            }
            for (Object fact : facts) {
                session.insert(fact);
            }
            int fired = session.fireAllRules(FIRE_LIMIT);
            if (fired >= FIRE_LIMIT) {
                throw new RuleLoopException(version, FIRE_LIMIT);
            }
            List<Conclusion> conclusions = new ArrayList<>();
            for (Object object : session.getObjects(new ClassObjectFilter(Conclusion.class))) {
                conclusions.add((Conclusion) object);
            }
            return conclusions;
        } finally {
            if (listener != null) {
                session.removeEventListener(listener);
            }
            session.dispose();
        }
    }

    KieBase kieBase() {
        return kieBase;
    }

    @Override
    public String toString() {
        return "CompiledRules[" + version + ", " + ruleNames.size() + " rules]";
    }
}
