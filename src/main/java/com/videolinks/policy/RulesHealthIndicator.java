package com.videolinks.policy;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "rules": the live policy version and its size. */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

    private final LinkPolicy policy;

    RulesHealthIndicator(LinkPolicy policy) {
        this.policy = policy;
    }

    @Override
    public Health health() {
        CompiledRules live = policy.current();
        return Health.up().withDetail("activeVersion", live.version()).withDetail("hash", live.hash())
                .withDetail("rules", live.ruleNames().size()).build();
    }
}
