package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

import com.videolinks.policy.reference.PolicyArbitraries;
import com.videolinks.policy.reference.PolicyArbitraries.LinkQuestion;
import com.videolinks.policy.vocabulary.Channel;
import com.videolinks.policy.vocabulary.LinkDecision;
import com.videolinks.policy.vocabulary.LinkStatus;
import com.videolinks.policy.vocabulary.SessionFacts;

/**
 * ADR 017: a link decision answered by its question's shape is exactly the decision the engine makes for the question
 * itself, whatever names an earlier question of the same shape had; rules that read names are never answered by shape.
 */
class DecisionsByShapeProperties {

    private static final RuleSet SHIPPED_RULES = RulesFolder.read(Path.of("rules"));
    private static final LinkPolicy SHIPPED = new LinkPolicy(new RuleCompiler().compile(SHIPPED_RULES, "shipped"));

    @Provide
    Arbitrary<LinkQuestion> linkQuestions() {
        return PolicyArbitraries.linkQuestions();
    }

    /**
     * The shipped rules in the engine, as the live policy asks them, counting the shapes asked (the occasional check of
     * an answer by shape asks {@code checked}, the question itself, and is not counted).
     */
    private static Function<SessionFacts, LinkDecision> engine(Channel channel, SessionFacts checked,
                                                               AtomicInteger shapesAsked) {
        return facts -> {
            if (facts != checked) {
                shapesAsked.incrementAndGet();
            }
            return SHIPPED.decideInEngine(facts, channel);
        };
    }

    @Property(tries = 3_000, edgeCases = EdgeCasesMode.NONE)
    void aQuestionAnsweredByItsShapeGetsTheEnginesAnswer(@ForAll("linkQuestions") LinkQuestion question,
                                                         @ForAll @LongRange(min = 1, max = 1_000_000) long salt) {
        ShapeAnswers answers = new ShapeAnswers();
        // the shape is answered first under the drawn names, then asked under names never seen before
        answers.decide(question.facts(), question.channel(), engine(question.channel(), null, new AtomicInteger()));
        SessionFacts renamed = PolicyArbitraries.namedApart(question.facts(), salt);
        AtomicInteger shapesAsked = new AtomicInteger();

        LinkDecision byShape = answers.decide(renamed, question.channel(),
                engine(question.channel(), renamed, shapesAsked));

        assertThat(SHIPPED.current().decidesByShape()).isTrue();
        assertThat(shapesAsked).as("the renamed question is answered by the shape asked before").hasValue(0);
        assertThat(byShape).isEqualTo(SHIPPED.decideInEngine(renamed, question.channel()));
    }

    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void manyQuestionsOfOneShapeEachGetTheirOwnNames(@ForAll("linkQuestions") LinkQuestion question) {
        ShapeAnswers answers = new ShapeAnswers();
        AtomicInteger shapesAsked = new AtomicInteger();
        List<LinkDecision> byShape = new ArrayList<>();
        List<LinkDecision> inEngine = new ArrayList<>();
        for (long salt = 1; salt <= 5; salt++) {
            SessionFacts renamed = PolicyArbitraries.namedApart(question.facts(), salt * 7_919);
            byShape.add(answers.decide(renamed, question.channel(), engine(question.channel(), renamed, shapesAsked)));
            inEngine.add(SHIPPED.decideInEngine(renamed, question.channel()));
        }

        assertThat(shapesAsked).as("five namings, one shape asked").hasValue(1);
        assertThat(byShape).isEqualTo(inEngine);
    }

    @Example
    void aVersionWhoseRuleComparesAStaffIdWithALiteralAsksTheEngineEveryTime() {
        String special = """
                package videolinks.rules;

                import com.videolinks.policy.vocabulary.*;

                rule "Staff member 3 runs no online sessions"
                when
                    SessionFact( $session : sessionId, staffId == 3 )
                then
                    insert( new LinkWithheld( $session, WithholdReason.SESSION_OFFLINE, "Staff member 3 meets in person.",
                        drools.getRule().getName() ) );
                end
                """;
        List<RuleFile> files = new ArrayList<>(SHIPPED_RULES.files());
        files.add(new RuleFile("special.drl", special));
        CompiledRules readsNames = new RuleCompiler().compile(new RuleSet(files), "special");
        LinkPolicy policy = new LinkPolicy(readsNames);
        SessionFacts ofStaff3 = PolicyArbitraries.sampleLinkQuestions(2_000, 17).stream().map(LinkQuestion::facts)
                .filter(facts -> Long.valueOf(3).equals(facts.session().staffId()))
                .filter(facts -> SHIPPED.decide(facts, Channel.MY_BOOKINGS).status() == LinkStatus.SHOWN)
                .findFirst().orElseThrow();
        SessionFacts ofStaff4 = PolicyArbitraries.namedApart(ofStaff3, 1); // staff 3 becomes 4, everything else alike

        assertThat(readsNames.decidesByShape()).isFalse();
        assertThat(readsNames.nameReads()).singleElement().satisfies(read -> assertThat(read.describe())
                .startsWith("special.drl:7:").contains("Staff member 3 runs no online sessions"));
        assertThat(policy.decide(ofStaff3, Channel.MY_BOOKINGS).status()).isEqualTo(LinkStatus.NONE);
        assertThat(ofStaff4.session().staffId()).isEqualTo(4);
        assertThat(policy.decide(ofStaff4, Channel.MY_BOOKINGS))
                .isEqualTo(policy.decideInEngine(ofStaff4, Channel.MY_BOOKINGS))
                .extracting(LinkDecision::status).isEqualTo(LinkStatus.SHOWN);
    }
}
