package com.videolinks.policy.gate;

import java.util.List;

import com.videolinks.policy.CompiledRules;
import com.videolinks.policy.scenario.SuiteReport;

/**
 * The gate's verdict on a candidate rule bundle: the compiled rules when it passed, every problem when it did not
 * (compile errors with file:line:column, failing scenarios with expected vs actual), and the suite's report.
 */
public record GateResult(boolean passed, CompiledRules compiled, List<String> problems, SuiteReport suite, long millis) {

    public GateResult {
        problems = List.copyOf(problems);
    }
}
