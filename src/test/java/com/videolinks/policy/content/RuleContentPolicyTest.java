package com.videolinks.policy.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RuleProblem;
import com.videolinks.policy.RuleSet;
import com.videolinks.policy.RulesFolder;

/** #11: the rule content policy allows what the link policy needs and refuses the rest, naming where and what. */
class RuleContentPolicyTest {

    private static final String HEADER = """
            package videolinks.rules;

            import com.videolinks.policy.vocabulary.*;

            """;

    /** A rule whose consequence is {@code then} (line 8 of the file, column 5 onwards). */
    private static String ruleThen(String then) {
        return HEADER + """
                rule "Offline sessions are noted"
                when
                    $session : SessionFact( online == false )
                then
                    %s
                end
                """.formatted(then);
    }

    private static String ruleWhen(String when) {
        return HEADER + """
                rule "A condition under test"
                when
                    %s
                then
                    insert( new LinkPending( "pending", drools.getRule().getName() ) );
                end
                """.formatted(when);
    }

    private static List<RuleProblem> check(String drl) {
        return RuleContentPolicy.check(new RuleSet(List.of(new RuleFile("under-test.drl", drl))));
    }

    @Test
    void theShippedRulesAreWithinThePolicy() {
        assertThat(RuleContentPolicy.check(RulesFolder.read(Path.of("rules")))).isEmpty();
    }

    @Test
    void everyAllowedConstructPasses() {
        String drl = HEADER + """
                rule "Every allowed construct at once" salience 10 no-loop
                when
                    $session : SessionFact( online == true, kind in ( ServiceKind.CLASS, ServiceKind.COURSE ),
                        $staff : staffId != null, sessionId > 0 && sessionId <= 1000 || !(online), manualLinkValue.url != "x" )
                    $default : AccountFact( role == AccountRole.SITE_DEFAULT, link().url() != null, staffId == $staff )
                    not ( CourseLinkFact( serviceId == $session.serviceId ) or exists ZoomMeetingFact( accountId == -1 ) )
                    LinkSelected( provider not in ( Provider.ZOOM ), $link : link )
                then
                    insert( new LinkSelected( LinkSource.SITE_DEFAULT, $default.accountId(), $default.provider(), $link,
                        "reason", drools.getRule().getName() ) );
                    insert( new MeetingLink( $default.link(), 'single quoted', drools.getRule().getName() ) );
                    insert( new LinkHidden( Channel.MY_BOOKINGS, null, drools.getRule().getName() ) );
                end
                """;
        assertThat(check(drl)).isEmpty();
    }

    static List<Arguments> refusedConsequences() {
        return List.of(
                Arguments.of("System.exit(0);", "calling \"System.exit\"(...) is not allowed"),
                Arguments.of("throw new RuntimeException(java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")));",
                        "exception handling (throw) is not allowed"),
                Arguments.of("insert( new LinkPending( java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")), \"r\" ) );",
                        "calling readString(...) is not allowed"),
                Arguments.of("Runtime.getRuntime().exec(\"touch /tmp/x\");", "calling \"(...).exec\"(...) is not allowed"),
                Arguments.of("Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);",
                        "calling \"(...).invoke\"(...) is not allowed"),
                Arguments.of("insert( new LinkPending( String.valueOf(1), \"r\" ) );", "calling valueOf(...) is not allowed"),
                Arguments.of("while (true) { }", "a loop (while) is not allowed"),
                Arguments.of("insert( new java.io.File(\"/tmp/x\") );", "new \"java.io.File\" is not allowed"),
                Arguments.of("insert( new SessionFact(1, 2, ServiceKind.CLASS, true, null, ManualLink.NONE, null) );",
                        "new \"SessionFact\" is not allowed"),
                Arguments.of("delete( $session );", "calling \"delete\"(...) is not allowed"),
                Arguments.of("insert( new LinkPending( $session.toString(), drools.getRule().getName() ) );",
                        "calling toString(...) is not allowed"),
                Arguments.of("insert( new LinkPending( \"a\" + \"b\", drools.getRule().getName() ) );",
                        "an operator expression is not allowed"),
                Arguments.of("insert( new LinkPending( drools.getKieRuntime().toString(), \"r\" ) );",
                        "calling toString(...) is not allowed"),
                Arguments.of("String s = \"x\";", "declaring a variable is not allowed"),
                Arguments.of("insert( new LinkPending( \"x\", \"r\" ) { } );", "new \"LinkPending\" is not allowed"),
                Arguments.of("modify( $session ) { };", "not plain Java statements"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedConsequences")
    void aConsequenceOutsideThePolicyIsRefusedAtItsLine(String then, String expected) {
        List<RuleProblem> problems = check(ruleThen(then));

        assertThat(problems).hasSize(1);
        RuleProblem problem = problems.get(0);
        assertThat(problem.file()).isEqualTo("under-test.drl");
        assertThat(problem.line()).isEqualTo(9);
        assertThat(problem.column()).isGreaterThanOrEqualTo(5);
        assertThat(problem.message()).startsWith("rule \"Offline sessions are noted\": ").contains(expected)
                .contains("a consequence may only insert(new <Conclusion>(...))");
    }

    @Test
    void aRefusalPointsAtTheOffendingCall() {
        RuleProblem problem = check(ruleThen("insert( new LinkPending( \"x\", drools.getRule().getName() ) );\n"
                + "    insert( new LinkPending( \"y\", System.getenv(\"HOME\") ) );")).get(0);
        assertThat(problem.describe()).startsWith("under-test.drl:10:35: rule \"Offline sessions are noted\": calling");
    }

    static List<Arguments> refusedConditions() {
        return List.of(
                Arguments.of("eval( true )", "eval is not allowed"),
                Arguments.of("SessionFact( online == (java.lang.System.exit(0) == 0) )", "calling exit(...) is not allowed"),
                Arguments.of("SessionFact( kind.getDeclaringClass() != null )", "calling getDeclaringClass() is not allowed"),
                Arguments.of("$l : java.util.List() from java.util.List.of(1)", "from is not allowed"),
                Arguments.of("SessionFact( $s : sessionId ) from java.util.List.of(1)", "from is not allowed"),
                Arguments.of("$n : Number() from accumulate( SessionFact( $id : sessionId ), sum( $id ) )",
                        "accumulate is not allowed"),
                Arguments.of("Runtime()", "a pattern over \"Runtime\" is not allowed"),
                Arguments.of("SessionFact( staffId matches \".*\" )", "the operator matches is not allowed"),
                Arguments.of("SessionFact( new java.io.File(\"/\") != null )", "new is not allowed"),
                Arguments.of("SessionFact( secret == 1 )", "\"secret\" is neither a field of SessionFact"),
                Arguments.of("SessionFact( kind == ServiceKind.PARTY )", "ServiceKind has no constant \"PARTY\""),
                Arguments.of("SessionFact( sessionId + 1 > 2 )", "the operator + is not allowed"),
                Arguments.of("forall( SessionFact( online == true ) )", "forall is not allowed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedConditions")
    void aConditionOutsideThePolicyIsRefused(String when, String expected) {
        List<RuleProblem> problems = check(ruleWhen(when));

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).line()).isEqualTo(7);
        assertThat(problems.get(0).message()).startsWith("rule \"A condition under test\": ").contains(expected);
    }

    static List<Arguments> refusedDeclarations() {
        return List.of(
                Arguments.of("function void boom() { System.exit(0); }\n", 5, "function \"boom\" is not allowed"),
                Arguments.of("global java.util.List list;\n", 5, "global \"list\" is not allowed"),
                Arguments.of("import java.nio.file.*;\n", 5, "import of \"java.nio.file.*\" is not allowed"),
                Arguments.of("import java.lang.Runtime;\n", 5, "import of \"java.lang.Runtime\" is not allowed"),
                Arguments.of("import function java.lang.System.exit;\n", 5, "import function is not allowed"),
                Arguments.of("declare Evil\n  name : String\nend\n", 5, "declare \"Evil\" is not allowed"),
                Arguments.of("query \"all sessions\"\n  SessionFact()\nend\n", 5, "query \"all sessions\" is not allowed"),
                Arguments.of("rule \"Enabled by code\" enabled ( java.lang.System.exit(0) == 0 )\nwhen\nthen\nend\n", 5,
                        "the rule attribute \"enabled\" is not allowed"),
                Arguments.of("rule \"Salience by code\" salience ( java.lang.System.exit(0) )\nwhen\nthen\nend\n", 5,
                        "salience must be a whole number"));
    }

    @ParameterizedTest(name = "{2}")
    @MethodSource("refusedDeclarations")
    void aDeclarationOutsideThePolicyIsRefused(String declaration, int line, String expected) {
        List<RuleProblem> problems = check(HEADER + declaration);

        assertThat(problems).isNotEmpty();
        assertThat(problems.get(0).line()).isEqualTo(line);
        assertThat(problems.get(0).message()).contains(expected);
    }

    @Test
    void aUnicodeEscapeIsRefusedBecauseJavaWouldReadItAsCode() {
        // a unicode line break inside a comment ends the comment for javac, not for the parsers
        List<RuleProblem> problems = check(ruleThen("// \\u000a System.exit(0);"));

        assertThat(problems).singleElement().satisfies(problem -> {
            assertThat(problem.line()).isEqualTo(9);
            assertThat(problem.message()).contains("unicode escape");
        });
        assertThat(check(ruleThen("insert( new LinkPending( \"a\\\\u0041\", drools.getRule().getName() ) );"))).isEmpty();
    }

    @Test
    void aRuleNameThatCouldBreakOutOfGeneratedCodeIsRefused() {
        assertThat(check(HEADER + "rule \"quote \\\" inside\"\nwhen\nthen\nend\n"))
                .singleElement().satisfies(problem -> assertThat(problem.message()).contains("a rule name must be"));
    }

    @Test
    void aSyntaxErrorIsReportedByTheDrlParserWithItsPosition() {
        assertThat(check(HEADER + "rule \"half\" when then")).isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.file()).isEqualTo("under-test.drl"));
    }
}
