package com.videolinks.policy.release;

import java.net.URI;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
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

    private static final Pattern LOCATED = Pattern.compile("([^:\\s]+):(\\d+)(?::(\\d+))?: (.*)", Pattern.DOTALL);
    private static final Pattern RULE = Pattern.compile("^rule \"([^\"]*)\": ");

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
    ResponseEntity<?> validate(@Valid @RequestBody BundleBody body, Principal who) {
        return answer(releases.attempt(body.toBundle(), "dry run by " + who.getName(), false));
    }

    @PostMapping("/publish")
    ResponseEntity<?> publish(@Valid @RequestBody BundleBody body, Principal who) {
        return answer(releases.attempt(body.toBundle(), "published over HTTP by " + who.getName(), true));
    }

    @PostMapping("/versions/{id}/rollback")
    ResponseEntity<?> rollback(@PathVariable long id, Principal who) {
        return answer(releases.rollback(id, who.getName()));
    }

    @PostMapping("/reload")
    ResponseEntity<?> reload(Principal who) {
        return answer(releases.offerFolder(properties.folder(), "reload from the rules folder by " + who.getName()));
    }

    @PostMapping("/tests/run")
    SuiteReport runSuites() {
        var live = releases.state();
        RuleBundle bundle = versions.bundle(live.activeVersionId());
        return RuleTestSuite.run(releases.policy().current(), bundle.tests());
    }

    /**
     * An accepted attempt as it is; a refused one as problem details (RFC 9457) that keep the attempt's fields and add
     * {@code errors}: file, line, column, the rule and what is wrong, for each problem (#11).
     */
    private static ResponseEntity<?> answer(ReleaseAttempt attempt) {
        if (attempt.accepted()) {
            return ResponseEntity.ok(attempt);
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
                "The rule set was refused (" + attempt.problems().size() + " problem(s)); the live version is unchanged");
        problem.setType(URI.create("urn:videolinks:problem:rules-rejected"));
        problem.setTitle("Rule set rejected");
        problem.setProperty("code", "rules-rejected");
        problem.setProperty("versionId", attempt.versionId());
        problem.setProperty("outcome", attempt.outcome());
        problem.setProperty("problems", attempt.problems());
        problem.setProperty("errors", attempt.problems().stream().map(RulesController::located).toList());
        problem.setProperty("scenariosPassed", attempt.scenariosPassed());
        problem.setProperty("scenariosFailed", attempt.scenariosFailed());
        problem.setProperty("coverage", attempt.coverage());
        problem.setProperty("gateMillis", attempt.gateMillis());
        return ResponseEntity.unprocessableEntity().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    /** {@code file:line:column: rule "name": message} (the form {@code RuleProblem.describe()} writes) taken apart. */
    static Map<String, Object> located(String problem) {
        Map<String, Object> error = new LinkedHashMap<>();
        Matcher where = LOCATED.matcher(problem);
        String message = problem;
        if (where.matches()) {
            error.put("file", where.group(1));
            error.put("line", Integer.parseInt(where.group(2)));
            if (where.group(3) != null) {
                error.put("column", Integer.parseInt(where.group(3)));
            }
            message = where.group(4);
        }
        Matcher rule = RULE.matcher(message);
        if (rule.find()) {
            error.put("rule", rule.group(1));
            message = message.substring(rule.end());
        }
        error.put("message", message);
        return error;
    }
}
