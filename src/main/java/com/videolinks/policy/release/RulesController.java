package com.videolinks.policy.release;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.RulesProperties;
import com.videolinks.policy.scenario.RuleTestSuite;
import com.videolinks.policy.scenario.SuiteReport;
import com.videolinks.policy.versions.RuleVersion;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.policy.versions.UnknownVersionException;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Operators' rule administration (operators only, enforced in SecurityConfig): active version, history, diff,
 * dry run, publish over HTTP, rollback, reload from the folder, and the rule-test suites against the live rules.
 */
@RestController
@RequestMapping("/api/rules")
class RulesController {

    record FileBody(@NotBlank @Size(max = 200) String name, @NotNull String content) {
    }

    record BundleBody(@NotEmpty @Size(max = 200) List<@Valid FileBody> files) {

        RuleBundle toBundle() {
            return RuleBundle.of(files.stream().map(f -> new RuleFile(f.name(), f.content())).toList());
        }
    }

    record VersionDetail(RuleVersion version, List<RuleFile> files) {
    }

    private final RuleReleases releases;
    private final RuleVersions versions;
    private final RuleDiffs diffs;
    private final RulesProperties properties;

    RulesController(RuleReleases releases, RuleVersions versions, RuleDiffs diffs, RulesProperties properties) {
        this.releases = releases;
        this.versions = versions;
        this.diffs = diffs;
        this.properties = properties;
    }

    @GetMapping("/active")
    RuleReleases.State active() {
        return releases.state();
    }

    @GetMapping("/versions")
    List<RuleVersion> history(@RequestParam(defaultValue = "50") int limit) {
        return versions.history(Math.max(1, Math.min(limit, 500)));
    }

    @GetMapping("/versions/{id}")
    VersionDetail version(@PathVariable long id) {
        RuleVersion version = versions.find(id).orElseThrow(() -> new UnknownVersionException(id));
        return new VersionDetail(version, versions.bundle(id).files());
    }

    @GetMapping("/versions/{id}/diff")
    Map<String, String> diff(@PathVariable long id, @RequestParam long against) {
        versions.find(id).orElseThrow(() -> new UnknownVersionException(id));
        versions.find(against).orElseThrow(() -> new UnknownVersionException(against));
        return diffs.unified(versions.bundle(against), "version " + against, versions.bundle(id), "version " + id);
    }

    @PostMapping("/validate")
    ResponseEntity<ReleaseAttempt> validate(@Valid @RequestBody BundleBody body, Principal who) {
        return answer(releases.attempt(body.toBundle(), "dry run by " + who.getName(), false));
    }

    @PostMapping("/publish")
    ResponseEntity<ReleaseAttempt> publish(@Valid @RequestBody BundleBody body, Principal who) {
        return answer(releases.attempt(body.toBundle(), "published over HTTP by " + who.getName(), true));
    }

    @PostMapping("/versions/{id}/rollback")
    ResponseEntity<ReleaseAttempt> rollback(@PathVariable long id, Principal who) {
        return answer(releases.rollback(id, who.getName()));
    }

    @PostMapping("/reload")
    ResponseEntity<ReleaseAttempt> reload(Principal who) {
        return answer(releases.offerFolder(properties.folder(), "reload from the rules folder by " + who.getName()));
    }

    @PostMapping("/tests/run")
    SuiteReport runSuites() {
        var live = releases.state();
        RuleBundle bundle = versions.bundle(live.activeVersionId());
        return RuleTestSuite.run(releases.policy().current(), bundle.tests());
    }

    private static ResponseEntity<ReleaseAttempt> answer(ReleaseAttempt attempt) {
        return ResponseEntity.status(attempt.accepted() ? HttpStatus.OK : HttpStatus.UNPROCESSABLE_ENTITY).body(attempt);
    }
}
