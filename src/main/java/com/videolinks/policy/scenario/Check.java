package com.videolinks.policy.scenario;

/** One expectation of a scenario compared with what the rules did, e.g. {@code status: expected SHOWN, actual NONE}. */
public record Check(String what, String expected, String actual, boolean passed) {

    public String describe() {
        return what + ": expected " + expected + ", actual " + actual;
    }
}
