package com.videolinks.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.videolinks.notification.ReleaseAnnouncements;
import com.videolinks.policy.RuleBundle;
import com.videolinks.policy.RuleFile;
import com.videolinks.policy.release.ReleaseAttempt;
import com.videolinks.policy.release.RuleDiffs;
import com.videolinks.policy.release.RuleReleases;
import com.videolinks.policy.versions.RuleVersion;
import com.videolinks.policy.versions.RuleVersions;
import com.videolinks.policy.versions.UnknownVersionException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The operators' rules console (operators only: PageSecurityConfig): the active version and its history, a diff
 * between two versions, editing one rule or scenario file of the live bundle and sending it through the same gate
 * as {@code POST /api/rules/validate} and {@code /publish} (scenario results, coverage, the rules no scenario
 * fires), and rolling back to an earlier version, which must pass today's gate.
 */
@Controller
class RulesConsoleController {

    private static final int HISTORY = 30;
    private static final int MAX_CONTENT = 512 * 1024;

    private final DashboardPages pages;
    private final RuleReleases releases;
    private final RuleVersions versions;
    private final RuleDiffs diffs;
    private final ReleaseAnnouncements announcements;

    RulesConsoleController(DashboardPages pages, RuleReleases releases, RuleVersions versions, RuleDiffs diffs,
                           ReleaseAnnouncements announcements) {
        this.pages = pages;
        this.releases = releases;
        this.versions = versions;
        this.diffs = diffs;
        this.announcements = announcements;
    }

    @GetMapping("/dashboard/rules")
    String console(Model model, HttpServletRequest request) {
        pages.open(request, model, null);
        RuleReleases.State state = releases.state();
        model.addAttribute("state", state);
        model.addAttribute("active", versions.find(state.activeVersionId()).orElse(null));
        model.addAttribute("files", versions.bundle(state.activeVersionId()).files().stream().map(RuleFile::name).toList());
        List<RuleVersion> history = versions.history(HISTORY);
        model.addAttribute("history", history);
        // how far each release's customers were told (ADR 014): what the operator checks after publishing
        model.addAttribute("announcements", announcements.of(history.stream().map(RuleVersion::id).toList()));
        return "dashboard/rules";
    }

    @GetMapping("/dashboard/rules/diff")
    String diff(@RequestParam long from, @RequestParam long to, Model model, HttpServletRequest request) {
        pages.open(request, model, null);
        RuleVersion older = versions.find(from).orElseThrow(() -> new UnknownVersionException(from));
        RuleVersion newer = versions.find(to).orElseThrow(() -> new UnknownVersionException(to));
        Map<String, String> changed = diffs.unified(versions.bundle(older.id()), "version " + from,
                versions.bundle(newer.id()), "version " + to);
        model.addAttribute("from", older);
        model.addAttribute("to", newer);
        model.addAttribute("diffs", changed);
        return "dashboard/rules-diff";
    }

    @GetMapping("/dashboard/rules/edit")
    String edit(@RequestParam(defaultValue = "") String file, Model model, HttpServletRequest request) {
        pages.open(request, model, null);
        long active = releases.state().activeVersionId();
        if (!model.containsAttribute("content")) {
            String content = versions.bundle(active).files().stream().filter(f -> f.name().equals(file))
                    .map(RuleFile::content).findFirst().orElse("");
            model.addAttribute("content", content);
        }
        model.addAttribute("file", file);
        model.addAttribute("activeVersionId", active);
        return "dashboard/rules-edit";
    }

    /** Dry run or publish: the live bundle with this one file replaced (or added), through the gate. */
    @PostMapping("/dashboard/rules/edit")
    String submit(@RequestParam(defaultValue = "") String file, @RequestParam(defaultValue = "") String content,
                  @RequestParam(defaultValue = "dry-run") String action, @RequestParam(defaultValue = "0") long basedOn,
                  Model model, HttpServletRequest request, HttpServletResponse response) {
        pages.open(request, model, null);
        // a browser sends a textarea's lines with CRLF: the files keep the LF of the rules folder
        content = content.replace("\r\n", "\n");
        FormState form = pages.submitted("rule-file", request, "file");
        boolean publish = action.equals("publish");
        String name = file.strip();
        long active = releases.state().activeVersionId();
        if (name.isEmpty()) {
            pages.reject(form, "file", "violation.NotBlank", "must not be blank");
        } else if (!name.matches("(tests/)?[A-Za-z0-9._-]{1,120}\\.(drl|yaml|yml)")) {
            pages.reject(form, "file", "rules.badFileName", "must be a .drl file, or tests/<name>.yaml for a scenario suite");
        }
        if (content.length() > MAX_CONTENT) {
            pages.reject(form, "content", "violation.Size", "size must be at most " + MAX_CONTENT, MAX_CONTENT);
        }
        if (publish && basedOn != active) {
            pages.rejectForm(form, "rules.staleEdit", "Another version went live since you opened this file: dry-run again against it first.");
        }
        if (!form.hasErrors() && pages.firstSubmit(form, request)) {
            List<RuleFile> files = new ArrayList<>(versions.bundle(active).files().stream()
                    .filter(f -> !f.name().equals(name)).toList());
            files.add(new RuleFile(name, content));
            String by = pages.access().current().username();
            ReleaseAttempt attempt = releases.attempt(RuleBundle.of(files),
                    (publish ? "published in the rules console by " : "dry run in the rules console by ") + by, publish);
            model.addAttribute("attempt", attempt);
            model.addAttribute("published", publish && attempt.accepted());
            if (!attempt.accepted()) {
                response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
            }
        } else {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
        }
        model.addAttribute("forms", Forms.failed(form));
        model.addAttribute("content", content);
        model.addAttribute("file", name);
        model.addAttribute("activeVersionId", releases.state().activeVersionId());
        return "dashboard/rules-edit";
    }

    @PostMapping("/dashboard/rules/versions/{versionId}/rollback")
    String rollback(@PathVariable long versionId, Model model, HttpServletRequest request, HttpServletResponse response,
                    RedirectAttributes redirect) {
        pages.open(request, model, null);
        FormState form = pages.submitted("rollback", request);
        if (pages.firstSubmit(form, request)) {
            ReleaseAttempt attempt = releases.rollback(versionId, pages.access().current().username() + " (rules console)");
            if (attempt.accepted()) {
                redirect.addFlashAttribute("notice", "notice.rolledBack");
                return "redirect:/dashboard/rules";
            }
            attempt.problems().forEach(form::rejectForm);
        }
        response.setStatus(HttpStatus.UNPROCESSABLE_ENTITY.value());
        model.addAttribute("forms", Forms.failed(form));
        return console(model, request);
    }

}
