package com.videolinks.policy.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RuleTestsCommand as an operator runs it against a rules folder of their own. */
class ScenarioCommandTest {

    @TempDir
    Path work;

    @Test
    void allPassingScenariosExitZeroAndPrintOneLinePerScenarioCoverageAndTheCount() throws IOException {
        Path rules = rulesFolder(ScenarioSuiteTest.TINY_SCENARIOS.replace(
                "a course, expected wrongly\"\n    given: { session: { kind: COURSE } }\n    ask: { channel: MY_BOOKINGS }\n    rulesFired: [\"Classes are noticed\"]",
                "a course\"\n    given: { session: { kind: COURSE } }\n    ask: { channel: MY_BOOKINGS }\n    rulesFired: [\"Courses are noticed\"]"));

        Result result = run(rules.toString());

        assertThat(result.exitCode()).isEqualTo(0);
        assertThat(result.lines()).contains(
                "PASS tiny.yaml:2: a class",
                "PASS tiny.yaml:7: another class",
                "PASS tiny.yaml:11: a course",
                "Rule coverage: 2 of 3 rules fired by at least one scenario (66.6%)",
                "Rules no scenario fires:",
                "  Offline sessions are noticed");
        assertThat(result.lines()).last().isEqualTo("3 passed, 0 failed");
    }

    @Test
    void aFailingScenarioExitsOneAndShowsExpectedAgainstActual() throws IOException {
        Path rules = rulesFolder(ScenarioSuiteTest.TINY_SCENARIOS);

        Result result = run(rules.toString(), rules.resolve("tests").toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsSubsequence(
                "FAIL tiny.yaml:11: a course, expected wrongly",
                "       rule \"Classes are noticed\": expected fired, actual not fired",
                "       rules fired: Courses are noticed");
        assertThat(result.lines()).last().isEqualTo("2 passed, 1 failed");
    }

    @Test
    void aScenarioFileWithAnUnknownKeyFailsWithItsLocation() throws IOException {
        Path rules = rulesFolder("scenarios:\n  - name: \"typo\"\n    given: { session: { kind: CLASS } }\n"
                + "    ask: { channel: MY_BOOKINGS }\n    expcet: { status: NONE }\n");

        Result result = run(rules.toString());

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.lines()).containsSubsequence("FAIL tiny.yaml:2: typo", "       error: unknown key 'expcet'; "
                + "allowed here: ask, description, expect, given, name, rulesFired, rulesNotFired");
        assertThat(result.lines()).last().isEqualTo("0 passed, 1 failed");
    }

    @Test
    void rulesThatDoNotCompileExitTwoAndNameFileAndLine() throws IOException {
        Path rules = rulesFolder(ScenarioSuiteTest.TINY_SCENARIOS);
        Files.writeString(rules.resolve("broken.drl"), """
                package videolinks.rules;

                rule "Missing its closing parenthesis"
                when
                    com.videolinks.policy.vocabulary.SessionFact( online == false
                then
                end
                """);

        Result result = run(rules.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.lines()).first().isEqualTo("The rules in " + rules + " do not compile:");
        assertThat(result.lines()).anySatisfy(line -> assertThat(line).startsWith("  broken.drl:6"));
        assertThat(result.output()).doesNotContain("passed,").doesNotContain("\tat ");
    }

    @Test
    void moreThanTwoArgumentsIsAUsageError() {
        Result result = run("a", "b", "c");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.lines()).first().isEqualTo("usage: rules-test [rulesFolder] [testsFolder]");
    }

    private Path rulesFolder(String scenarios) throws IOException {
        Path rules = Files.createDirectories(work.resolve("rules"));
        Files.writeString(rules.resolve("tiny.drl"), ScenarioSuiteTest.TINY_DRL);
        Path tests = Files.createDirectories(rules.resolve("tests"));
        Files.writeString(tests.resolve("tiny.yaml"), scenarios);
        return rules;
    }

    private static Result run(String... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        int exitCode = RuleTestsCommand.run(args, new PrintStream(buffer, true, StandardCharsets.UTF_8));
        return new Result(exitCode, buffer.toString(StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String output) {
        List<String> lines() {
            return output.lines().toList();
        }
    }
}
