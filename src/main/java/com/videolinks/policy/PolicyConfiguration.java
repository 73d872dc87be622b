package com.videolinks.policy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Compiles the rules folder at start. A rule set that does not compile stops the start with its file and line. */
@Configuration
@EnableConfigurationProperties(RulesProperties.class)
class PolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PolicyConfiguration.class);

    @Bean
    RuleCompiler ruleCompiler() {
        return new RuleCompiler();
    }

    @Bean
    LinkPolicy linkPolicy(RulesProperties properties, RuleCompiler compiler) {
        RuleSet ruleSet = RulesFolder.read(properties.folder());
        long started = System.nanoTime();
        CompiledRules rules = compiler.compile(ruleSet, "folder-" + ruleSet.hash().substring(0, 12));
        log.info("Link policy {} compiled from {} ({} files, {} rules) in {} ms", rules.version(),
                properties.folder().toAbsolutePath().normalize(), ruleSet.files().size(), rules.ruleNames().size(),
                (System.nanoTime() - started) / 1_000_000);
        return new LinkPolicy(rules);
    }
}
