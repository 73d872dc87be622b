package com.videolinks.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import com.videolinks.policy.reference.PolicyArbitraries;
import com.videolinks.policy.reference.PolicyArbitraries.LinkQuestion;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** ADR 017: operators see how many shapes the live version keeps and how many decisions their answers served. */
class ShapeAnswersMetricsTest {

    @Test
    void aQuestionUnderOtherNamesIsAnsweredByTheShapeAskedBeforeAndCountedSo() {
        LinkPolicy policy = new LinkPolicy(new RuleCompiler().compile(RulesFolder.read(Path.of("rules")), "metrics"));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        policy.bindMetrics(registry);
        LinkQuestion question = PolicyArbitraries.sampleLinkQuestions(1, 5).get(0);
        assertThat(registry.get("videolinks.rules.shapes.answered").gauge().value()).isZero();

        policy.decide(question.facts(), question.channel());
        policy.decide(PolicyArbitraries.namedApart(question.facts(), 1_000), question.channel());
        policy.decide(PolicyArbitraries.namedApart(question.facts(), 2_000), question.channel());
        policy.decide(PolicyArbitraries.namedApart(question.facts(), 3_000), question.channel());

        assertThat(registry.get("videolinks.rules.shapes.kept").gauge().value()).isEqualTo(1);
        assertThat(registry.get("videolinks.rules.shapes.answered").gauge().value()).isEqualTo(0.75);
    }
}
