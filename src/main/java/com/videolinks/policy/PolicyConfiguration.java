package com.videolinks.policy;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.videolinks.policy.gate.RuleGate;
import com.videolinks.policy.release.ActiveVersionFollower;
import com.videolinks.policy.release.RuleReleases;
import com.videolinks.policy.release.RulesFolderWatcher;
import com.videolinks.policy.versions.RuleVersions;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Wires folder → gate → database → every node. At start the active version comes from the database; without one,
 * the folder must pass the gate or the start stops with a report naming file and line.
 */
@Configuration
@EnableConfigurationProperties(RulesProperties.class)
class PolicyConfiguration {

    @Bean
    RuleCompiler ruleCompiler() {
        return new RuleCompiler();
    }

    @Bean
    RuleGate ruleGate(RuleCompiler compiler, RulesProperties properties) {
        return new RuleGate(compiler, properties.gateTimeLimit());
    }

    @Bean
    RuleReleases ruleReleases(RuleVersions versions, RuleGate gate, RuleCompiler compiler, MeterRegistry meters) {
        return new RuleReleases(versions, gate, compiler, meters);
    }

    @Bean
    LinkPolicy linkPolicy(RuleReleases releases, RulesProperties properties, MeterRegistry meters) {
        LinkPolicy policy = releases.start(properties.folder());
        policy.bindMetrics(meters);
        return policy;
    }

    @Bean
    @ConditionalOnProperty(name = "videolinks.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesFolderWatcher rulesFolderWatcher(RulesProperties properties, RuleReleases releases, LinkPolicy started) {
        return new RulesFolderWatcher(properties.folder(), properties.debounce(), releases);
    }

    @Bean
    ActiveVersionFollower activeVersionFollower(RulesProperties properties, RuleReleases releases, LinkPolicy started) {
        return new ActiveVersionFollower(releases, properties.followInterval());
    }
}
