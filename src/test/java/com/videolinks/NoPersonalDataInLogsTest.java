package com.videolinks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * #11: emails, names and the Zoom user (whose label carries the email) stay out of the log. A check of every log
 * statement in the sources: what one passes must not be a person's email or name.
 */
class NoPersonalDataInLogsTest {

    private static final Pattern LOG_STATEMENT = Pattern.compile("\\blog\\.(trace|debug|info|warn|error)\\((.*?)\\);",
            Pattern.DOTALL);
    private static final Pattern PERSONAL = Pattern.compile(
            "\\.email\\(\\)|\\.name\\(\\)|\\bzoomUser\\b|\\.label\\(\\)|\\bgetEmail\\(\\)|\\bcustomerEmail\\b");

    @Test
    void noLogStatementPassesAnEmailANameOrAZoomUser() throws IOException {
        List<String> offending = new ArrayList<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher statement = LOG_STATEMENT.matcher(Files.readString(source));
                while (statement.find()) {
                    if (PERSONAL.matcher(statement.group(2)).find()) {
                        offending.add(source + ": log." + statement.group(1) + "(" + statement.group(2) + ")");
                    }
                }
            }
        }
        assertThat(offending).isEmpty();
    }
}
