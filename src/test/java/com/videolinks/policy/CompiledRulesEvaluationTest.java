package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.Conclusion;
import com.videolinks.policy.vocabulary.ViewRequest;

/** What {@link CompiledRules#evaluate} returns, independent of the shipped policy. */
class CompiledRulesEvaluationTest {

    private static final String RULES = """
            package test;

            import com.videolinks.policy.vocabulary.*;

            rule "Pending comes first" salience 10
            when
                ViewRequest()
            then
                insert( new LinkPending( 1L, "pending", drools.getRule().getName() ) );
            end

            rule "Withheld comes second" salience 5
            when
                ViewRequest()
            then
                insert( new LinkWithheld( 1L, WithholdReason.SESSION_OFFLINE, "withheld", drools.getRule().getName() ) );
            end

            rule "Member pages start hiding"
            when
                ViewRequest( channel == Channel.MEMBER_PAGES )
            then
                insert( new LinkHidden( Channel.MEMBER_PAGES, "first", drools.getRule().getName() ) );
            end

            rule "Member pages loop forever: every hiding matches again"
            when
                ViewRequest( channel == Channel.MEMBER_PAGES )
                LinkHidden()
            then
                insert( new LinkHidden( Channel.MEMBER_PAGES, "again", drools.getRule().getName() ) );
            end
            """;

    private static CompiledRules rules;

    @BeforeAll
    static void compile() {
        rules = new RuleCompiler().compile(new RuleSet(List.of(new RuleFile("test.drl", RULES))), "test");
    }

    @Test
    void conclusionsComeBackInTheOrderTheRulesDrewThem() {
        assertThat(rules.evaluate(List.of(new ViewRequest(Channel.CONFIRMATION_EMAIL))))
                .extracting(Conclusion::rule)
                .containsExactly("Pending comes first", "Withheld comes second");
    }

    @Test
    void rulesThatKeepFiringFailTheEvaluation() {
        assertThatThrownBy(() -> rules.evaluate(List.of(new ViewRequest(Channel.MEMBER_PAGES))))
                .isInstanceOf(RuleLoopException.class);
    }

    @Test
    void aListenerHearsOnlyTheEvaluationItWasGivenTo() {
        List<String> fired = new ArrayList<>();
        DefaultAgendaEventListener listener = new DefaultAgendaEventListener() {
            @Override
            public void afterMatchFired(AfterMatchFiredEvent event) {
                fired.add(event.getMatch().getRule().getName());
            }
        };

        rules.evaluate(List.of(new ViewRequest(Channel.CONFIRMATION_EMAIL)), listener);
        // sessions are pooled: the next evaluation may reuse the same one, and must not report to the old listener
        for (int i = 0; i < 20; i++) {
            rules.evaluate(List.of(new ViewRequest(Channel.CONFIRMATION_EMAIL)));
        }

        assertThat(fired).containsExactly("Pending comes first", "Withheld comes second");
    }
}
