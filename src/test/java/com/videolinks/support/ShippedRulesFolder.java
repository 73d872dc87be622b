package com.videolinks.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A private copy of the shipped rules/ folder (DRL and scenarios), for tests that edit or break it. */
public final class ShippedRulesFolder {

    private ShippedRulesFolder() {
    }

    /** Copies rules/ to {@code target}/rules and returns that folder. */
    public static Path copyTo(Path target) throws IOException {
        Path shipped = Path.of("rules");
        Path rules = target.resolve("rules");
        try (Stream<Path> files = Files.walk(shipped)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path copy = rules.resolve(shipped.relativize(file).toString());
                Files.createDirectories(copy.getParent());
                Files.copy(file, copy);
            }
        }
        return rules;
    }
}
