package com.videolinks.policy;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import com.videolinks.policy.release.RuleReleases;

/**
 * {@code /actuator/health} component "rules": the active version, the last attempt and the last failure. DEGRADED
 * (still serving, HTTP 200) when the latest attempt was rejected, so the folder and production disagree.
 */
@Component("rules")
class RulesHealthIndicator implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "the latest rule change was rejected; the previous version is live");

    private final RuleReleases releases;

    RulesHealthIndicator(RuleReleases releases) {
        this.releases = releases;
    }

    @Override
    public Health health() {
        RuleReleases.State state = releases.state();
        boolean lastRejected = state.lastAttempt() != null && !state.lastAttempt().accepted();
        Health.Builder health = lastRejected ? Health.status(DEGRADED) : Health.up();
        health.withDetail("activeVersion", state.activeVersionId())
                .withDetail("activeHash", state.activeHash())
                .withDetail("rules", releases.policy().current().ruleNames().size());
        if (state.lastAttempt() != null) {
            health.withDetail("lastAttempt", state.lastAttempt());
        }
        if (state.lastFailure() != null) {
            health.withDetail("lastFailure", state.lastFailure());
        }
        return health.build();
    }
}
