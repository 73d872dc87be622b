package com.videolinks.policy;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the rules live: {@code videolinks.rules.folder} (DRL files) and its {@code tests/} sub-folder (scenarios). */
@ConfigurationProperties("videolinks.rules")
public record RulesProperties(@DefaultValue("rules") Path folder) {

    public Path testsFolder() {
        return folder.resolve("tests");
    }
}
