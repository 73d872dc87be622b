package com.videolinks.policy;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.springframework.beans.factory.SmartInitializingSingleton;
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

    /** Compiles the first version on its own thread while the rest of the service (Camunda above all) starts. */
    @Bean
    LinkPolicy linkPolicy(RuleReleases releases, RulesProperties properties, MeterRegistry meters) {
        LinkPolicy policy = releases.start(properties.folder(), nodeName());
        policy.bindMetrics(meters);
        return policy;
    }

    /** The web server opens only once the first version is live; a rejected first folder stops the start here. */
    @Bean
    SmartInitializingSingleton rulesStarted(RuleReleases releases, LinkPolicy started) {
        return releases::awaitStarted;
    }

    @Bean
    @ConditionalOnProperty(name = "videolinks.rules.watch", havingValue = "true", matchIfMissing = true)
    RulesFolderWatcher rulesFolderWatcher(RulesProperties properties, RuleReleases releases, LinkPolicy started) {
        return new RulesFolderWatcher(properties.folder(), properties.debounce(), releases);
    }

    private static String nodeName() {
        String host = System.getenv("HOSTNAME");
        if (host != null && !host.isBlank()) {
            return host;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "this node";
        }
    }

    @Bean
    ActiveVersionFollower activeVersionFollower(RulesProperties properties, RuleReleases releases, LinkPolicy started) {
        return new ActiveVersionFollower(releases, properties.followInterval());
    }
}
