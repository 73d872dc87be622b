package com.videolinks.policy.scenario;

/**
 * A scenario file or one scenario in it that cannot be run as written. {@code scenario} is null for file-level
 * problems; {@code line} is 0 when unknown.
 */
public record ScenarioError(String file, int line, String scenario, String message) {

    /** {@code s09-disconnect.yaml:12: scenario "name": message}, the form terminals and editors link to. */
    public String describe() {
        StringBuilder text = new StringBuilder(file);
        if (line > 0) {
            text.append(':').append(line);
        }
        text.append(": ");
        if (scenario != null) {
            text.append("scenario \"").append(scenario).append("\": ");
        }
        return text.append(message).toString();
    }
}
