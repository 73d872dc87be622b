package com.videolinks.policy.scenario;

/** A scenario is written wrongly (a missing key, a key that does not fit the question); the message names the key. */
final class ScenarioFormatException extends RuntimeException {

    ScenarioFormatException(String message) {
        super(message);
    }
}
