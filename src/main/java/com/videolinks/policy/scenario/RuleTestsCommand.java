package com.videolinks.policy.scenario;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.RuleCompiler;
import com.videolinks.policy.RuleProblem;
import com.videolinks.policy.RuleSetRejectedException;
import com.videolinks.policy.RulesFolder;

/**
 * Runs the rule-test scenarios against any rules folder: {@code RuleTestsCommand [rulesFolder] [testsFolder]}.
 * Exit code 0 when every scenario passes, 1 when some fail, 2 when the rules do not compile (or on a usage error).
 */
public final class RuleTestsCommand {

    static final int ALL_PASSED = 0;
    static final int SOME_FAILED = 1;
    static final int RULES_REJECTED = 2;

    private RuleTestsCommand() {
    }

    public static void main(String[] args) {
        quietEngineLogging();
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) {
        if (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help"))) {
            usage(out);
            return ALL_PASSED;
        }
        if (args.length > 2) {
            usage(out);
            return RULES_REJECTED;
        }
        Path rulesFolder = Path.of(args.length > 0 ? args[0] : "rules");
        // a rules folder's own suites live beside it, so "rules-test other-rules" tests other-rules/tests
        Path testsFolder = args.length > 1 ? Path.of(args[1]) : rulesFolder.resolve("tests");
        CompiledRules rules;
        try {
            rules = new RuleCompiler().compile(RulesFolder.read(rulesFolder), rulesFolder.toString());
        } catch (RuleSetRejectedException e) {
            out.println("The rules in " + rulesFolder + " do not compile:");
            for (RuleProblem problem : e.problems()) {
                out.println("  " + problem.describe());
            }
            return RULES_REJECTED;
        }
        out.println("Rule tests: " + testsFolder + " against " + rulesFolder + " (" + rules.ruleNames().size() + " rules)");
        SuiteReport report = RuleTestSuite.run(rules, testsFolder);
        print(report, out);
        return report.allPassed() ? ALL_PASSED : SOME_FAILED;
    }

    static void print(SuiteReport report, PrintStream out) {
        for (ScenarioReport scenario : report.scenarios()) {
            out.println((scenario.passed() ? "PASS " : "FAIL ") + scenario.location() + ": " + scenario.name());
            if (scenario.passed()) {
                continue;
            }
            if (scenario.error() != null) {
                out.println("       error: " + scenario.error());
            }
            for (Check check : scenario.failedChecks()) {
                out.println("       " + check.describe());
            }
            if (scenario.error() == null) {
                out.println("       rules fired: " + (scenario.firedRules().isEmpty() ? "none" : String.join("; ", scenario.firedRules())));
            }
        }
        Coverage coverage = report.coverage();
        out.println(String.format(Locale.ROOT, "Rule coverage: %d of %d rules fired by at least one scenario (%.1f%%)",
                coverage.rulesFired(), coverage.rulesTotal(), coverage.percent()));
        if (coverage.unfiredRules().isEmpty()) {
            out.println("Rules no scenario fires: none");
        } else {
            out.println("Rules no scenario fires:");
            coverage.unfiredRules().forEach(rule -> out.println("  " + rule));
        }
        out.println(report.passed() + " passed, " + report.failed() + " failed");
    }

    private static void usage(PrintStream out) {
        out.println("usage: rules-test [rulesFolder] [testsFolder]");
        out.println("  rulesFolder  folder of .drl files (default: rules)");
        out.println("  testsFolder  folder of .yaml scenario files (default: <rulesFolder>/tests)");
        out.println("exit code: 0 all scenarios pass, 1 some fail, 2 the rules do not compile or wrong usage");
    }

    /**
     * The engine logs every KieBase it builds, and logs compile errors that the command prints itself, located;
     * on a terminal that drowns the results.
     */
    private static void quietEngineLogging() {
        setLevel(Logger.ROOT_LOGGER_NAME, ch.qos.logback.classic.Level.WARN);
        setLevel("org.drools", ch.qos.logback.classic.Level.OFF);
        setLevel("org.kie", ch.qos.logback.classic.Level.OFF);
    }

    private static void setLevel(String loggerName, ch.qos.logback.classic.Level level) {
        if (LoggerFactory.getLogger(loggerName) instanceof ch.qos.logback.classic.Logger logback) {
            logback.setLevel(level);
        }
    }
}
