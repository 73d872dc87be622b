package com.videolinks.policy;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the rules live and how changes reach production: {@code folder} (DRL, scenarios in its {@code tests/}),
 * whether the folder is watched, the debounce of an editor's writes, the gate's time limit, and how often a node
 * checks the database for a version another node activated.
 */
@ConfigurationProperties("videolinks.rules")
public record RulesProperties(@DefaultValue("rules") Path folder,
                              @DefaultValue("true") boolean watch,
                              @DefaultValue("250ms") Duration debounce,
                              @DefaultValue("60s") Duration gateTimeLimit,
                              @DefaultValue("2s") Duration followInterval) {
}
