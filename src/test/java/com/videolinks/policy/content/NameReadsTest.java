package com.videolinks.policy.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.RulesFolder;

/**
 * ADR 017: the content policy notes where a rule reads an id or a link (a name) other than by comparing it for
 * equality with a name or null. Such rules are allowed; their version decides every question in the engine.
 */
class NameReadsTest {

    private static String rule(String when, String then) {
        return """
                package videolinks.rules;

                import com.videolinks.policy.vocabulary.*;

                rule "A rule under test"
                when
                    %s
                then
                    %s
                end
                """.formatted(when, then);
    }

    private static final String WITHHOLD = "insert( new LinkWithheld( $session, WithholdReason.SESSION_OFFLINE, "
            + "\"reason\", drools.getRule().getName() ) );";

    private static RuleContentPolicy.Review review(String drl) {
        return RuleContentPolicy.review(new RuleSet(List.of(new RuleFile("under-test.drl", drl))));
    }

    @Test
    void theShippedRulesUseNamesOnlyAsNames() {
        RuleContentPolicy.Review review = RuleContentPolicy.review(RulesFolder.read(Path.of("rules")));

        assertThat(review.refusals()).isEmpty();
        assertThat(review.nameReads()).isEmpty();
    }

    static List<Arguments> namesUsedAsNames() {
        return List.of(
                Arguments.of("SessionFact( $session : sessionId, $staff : staffId != null )\n"
                        + "    AccountFact( staffId == $staff, accountId != $session, link != null )", WITHHOLD),
                Arguments.of("$s : SessionFact( $session : sessionId )\n"
                        + "    not ZoomMeetingFact( sessionId == $s.sessionId, accountId == null )", WITHHOLD),
                Arguments.of("SessionFact( $session : sessionId )\n    $a : AccountFact( connected == true )",
                        "insert( new LinkSelected( $session, LinkSource.SITE_DEFAULT, $a.accountId(), $a.provider(), "
                                + "$a.link(), \"reason\", drools.getRule().getName() ) );"),
                Arguments.of("SessionFact( $session : sessionId, $link : manualLinkValue )",
                        "insert( new LinkSelected( $session, LinkSource.SESSION_LINK, null, Provider.CUSTOM_LINK, "
                                + "$link, \"reason\", drools.getRule().getName() ) );"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("namesUsedAsNames")
    void bindingComparingForEqualityAndHandingOnWholeAreNoReads(String when, String then) {
        RuleContentPolicy.Review review = review(rule(when, then));

        assertThat(review.refusals()).isEmpty();
        assertThat(review.nameReads()).isEmpty();
    }

    static List<Arguments> namesRead() {
        return List.of(
                Arguments.of("SessionFact( $session : sessionId, staffId == 3 )", WITHHOLD,
                        "compares a name with something that is not a name or null"),
                Arguments.of("SessionFact( $session : sessionId > 10 )", WITHHOLD, "compares a name with >"),
                Arguments.of("SessionFact( $session : sessionId, staffId in ( 3, 4 ) )", WITHHOLD,
                        "looks a name up in a list of values"),
                Arguments.of("SessionFact( $session : sessionId, manualLinkValue.url != \"x\" )", WITHHOLD,
                        "reads url inside a name"),
                Arguments.of("SessionFact( $session : sessionId )\n    AccountFact( link().password() == null )",
                        WITHHOLD, "reads password() inside a name"),
                Arguments.of("SessionFact( $session : sessionId, $staff : staffId )\n    SiteFact( siteId == $staff "
                        + "|| plan == Plan.FREE, staffSelfService != $staff )", WITHHOLD,
                        "compares a name with something that is not a name or null"),
                Arguments.of("SessionFact( online == false )",
                        "insert( new LinkWithheld( 42, WithholdReason.SESSION_OFFLINE, \"r\", drools.getRule().getName() ) );",
                        "gives a conclusion a name that is not one of the facts' names"),
                Arguments.of("SessionFact( $session : sessionId, $link : manualLinkValue )",
                        "insert( new LinkPending( $session, $link.url(), drools.getRule().getName() ) );",
                        "reads a value out of a name"),
                Arguments.of("$s : SessionFact( $session : sessionId )",
                        "insert( new LinkPending( $session, $s.manualLinkValue().description(), \"r\" ) );",
                        "reads a value out of a name"));
    }

    @ParameterizedTest(name = "{0} / {1}")
    @MethodSource("namesRead")
    void aRuleReadingANameIsAllowedAndNoted(String when, String then, String how) {
        RuleContentPolicy.Review review = review(rule(when, then));

        assertThat(review.refusals()).isEmpty();
        assertThat(review.nameReads()).hasSize(1);
        assertThat(review.nameReads().get(0).file()).isEqualTo("under-test.drl");
        assertThat(review.nameReads().get(0).line()).isBetween(7, 9);
        assertThat(review.nameReads().get(0).message()).startsWith("rule \"A rule under test\": ").contains(how);
    }
}
