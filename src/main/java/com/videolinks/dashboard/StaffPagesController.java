package com.videolinks.dashboard;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.common.LinkInput;
import com.videolinks.common.NotFoundException;
import com.videolinks.common.UnavailableException;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.zoom.ZoomConnectFlow;
import com.videolinks.policy.vocabulary.Provider;
import com.videolinks.security.AppUser;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.NewStaff;
import com.videolinks.staff.StaffDirectory;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;
import com.videolinks.workflow.StaffOnboarding;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Staff accounts. The owner's view (S12): every staff member's own account — connected, not connected, broken
 * (revoked, needs sign-in) — with those not connected first, adding a staff member, a personal custom link or Zoom
 * for one, and their onboarding. The staff member's own "Manage video conferencing" (S13–S16): connect their Zoom
 * or custom link, refused with the policy's reasons while it says no (S14, S15), and their sessions' links.
 */
@Controller
class StaffPagesController {

    /** A staff member as the owner's list shows them: account state CONNECTED, NOT_CONNECTED or BROKEN. */
    record StaffRow(Staff staff, ConferencingAccount account, String state, StaffOnboarding.Status onboarding) {
    }

    private final DashboardPages pages;
    private final Sites sites;
    private final StaffMembers staff;
    private final StaffDirectory directory;
    private final AccountConnections connections;
    private final ZoomConnectFlow zoom;
    private final StaffOnboarding onboarding;
    private final SessionOverview overview;
    private final Clock clock;

    StaffPagesController(DashboardPages pages, Sites sites, StaffMembers staff, StaffDirectory directory,
                         AccountConnections connections, ZoomConnectFlow zoom, StaffOnboarding onboarding,
                         SessionOverview overview, Clock clock) {
        this.pages = pages;
        this.sites = sites;
        this.staff = staff;
        this.directory = directory;
        this.connections = connections;
        this.zoom = zoom;
        this.onboarding = onboarding;
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping("/dashboard/sites/{siteId}/staff")
    String ofSite(@PathVariable long siteId, Model model, HttpServletRequest request) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        List<StaffRow> rows = staff.ofSite(siteId).stream().map(this::row)
                .sorted(java.util.Comparator.comparing((StaffRow row) -> row.state().equals("CONNECTED"))
                        .thenComparing(row -> row.staff().name()))
                .toList();
        model.addAttribute("rows", rows);
        model.addAttribute("notConnected", rows.stream().filter(row -> !row.state().equals("CONNECTED")).count());
        model.addAttribute("tab", "staff");
        return "dashboard/staff";
    }

    @PostMapping("/dashboard/sites/{siteId}/staff")
    String add(@PathVariable long siteId, Model model, HttpServletRequest request, HttpServletResponse response,
               RedirectAttributes redirect) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted("new-staff", request, "name", "email", "locale");
        NewStaff member = new NewStaff(form.value("name"), form.value("email"), form.value("locale"));
        if (pages.firstSubmit(form, request) && pages.valid(form, member)) {
            directory.add(siteId, member.name(), member.email(), member.locale()); // their emails' language (#13)
            redirect.addFlashAttribute("notice", "notice.staffAdded");
            return "redirect:/dashboard/sites/" + siteId + "/staff";
        }
        return refusedOwner(siteId, form, model, request, response);
    }

    /** The staff member's own page (S13–S16): their account and their upcoming sessions. */
    @GetMapping("/dashboard/staff/me")
    String me(Model model, HttpServletRequest request) {
        AppUser user = pages.access().current();
        if (user.staffId() == null) {
            throw new AccessDeniedException("only staff members have their own video conferencing page");
        }
        Staff member = staff.get(user.staffId());
        Site site = sites.get(member.siteId());
        pages.open(request, model, site);
        model.addAttribute("row", row(member));
        model.addAttribute("mayConnect", connections.staffConnectDecision(site.id(), member.id(), true));
        model.addAttribute("rows", overview.upcomingOfStaff(site, member.id(), clock.instant()));
        model.addAttribute("tab", "me");
        return "dashboard/staff-me";
    }

    /** A custom link as the staff member's own account: by themselves (S16) or by the owner (S12). */
    @PostMapping("/dashboard/staff/{staffId}/account")
    String connectCustomLink(@PathVariable long staffId, Model model, HttpServletRequest request,
                             HttpServletResponse response, RedirectAttributes redirect) {
        pages.access().requireStaffOrManager(staffId);
        Staff member = staff.get(staffId);
        pages.open(request, model, sites.get(member.siteId()));
        FormState form = pages.submitted("staff-account-" + staffId, request, "url", "password", "description");
        LinkInput input = new LinkInput(form.value("url"), form.value("password"), form.value("description"));
        if (pages.firstSubmit(form, request) && pages.valid(form, input)) {
            try {
                connections.connectStaffCustomLink(staffId, input.toLink(), pages.access().isStaff(staffId));
                redirect.addFlashAttribute("notice", "notice.staffAccountConnected");
                return back(member);
            } catch (InvalidInputException | ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(member, form, model, request, response);
    }

    @PostMapping("/dashboard/staff/{staffId}/account/zoom")
    String connectZoom(@PathVariable long staffId, Model model, HttpServletRequest request,
                       HttpServletResponse response) {
        pages.access().requireStaffOrManager(staffId);
        Staff member = staff.get(staffId);
        pages.open(request, model, sites.get(member.siteId()));
        FormState form = pages.submitted("staff-account-" + staffId, request);
        if (pages.firstSubmit(form, request)) {
            try {
                return "redirect:" + zoom.startStaff(staffId, pages.access().current().username(),
                        pages.access().isStaff(staffId)).authorizeUrl();
            } catch (UnavailableException e) {
                pages.rejectForm(form, "zoom.notConfigured", e.getMessage());
            } catch (ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(member, form, model, request, response);
    }

    @PostMapping("/dashboard/staff/{staffId}/account/disconnect")
    String disconnect(@PathVariable long staffId, Model model, HttpServletRequest request,
                      HttpServletResponse response, RedirectAttributes redirect) {
        pages.access().requireStaffOrManager(staffId);
        Staff member = staff.get(staffId);
        pages.open(request, model, sites.get(member.siteId()));
        FormState form = pages.submitted("staff-account-" + staffId, request);
        if (pages.firstSubmit(form, request)) {
            try {
                connections.disconnectStaff(staffId);
                redirect.addFlashAttribute("notice", "notice.staffAccountDisconnected");
                return back(member);
            } catch (NotFoundException e) {
                pages.rejectForm(form, "form.staffNotConnected", e.getMessage());
            }
        }
        return refused(member, form, model, request, response);
    }

    /** The owner invites a staff member to connect their account (staff-onboarding, S10–S16). */
    @PostMapping("/dashboard/staff/{staffId}/onboarding")
    String startOnboarding(@PathVariable long staffId, Model model, HttpServletRequest request,
                           HttpServletResponse response, RedirectAttributes redirect) {
        pages.access().requireStaffOrManager(staffId);
        Staff member = staff.get(staffId);
        pages.open(request, model, sites.get(member.siteId()));
        FormState form = pages.submitted("staff-account-" + staffId, request, "provider");
        if (pages.firstSubmit(form, request)) {
            Optional<Provider> provider = java.util.Arrays.stream(Provider.values())
                    .filter(p -> p.name().equals(form.value("provider"))).findFirst();
            if (provider.isEmpty()) {
                pages.reject(form, "provider", "violation.NotNull", "must not be null");
            } else {
                try {
                    onboarding.start(staffId, provider.get(), pages.access().isStaff(staffId),
                            pages.access().current().username());
                    redirect.addFlashAttribute("notice", "notice.onboardingStarted");
                    return back(member);
                } catch (ConflictException e) {
                    pages.refused(form, e);
                }
            }
        }
        return refused(member, form, model, request, response);
    }

    private StaffRow row(Staff member) {
        ConferencingAccount account = Optional.ofNullable(member.accountId())
                .flatMap(id -> connections.staffAccount(member.id())).orElse(null);
        String state = account == null ? "NOT_CONNECTED" : account.connected() ? "CONNECTED"
                : account.disconnectReason() != null ? "BROKEN" : "NOT_CONNECTED";
        return new StaffRow(member, account, state, onboarding.current(member.id()).orElse(null));
    }

    private String back(Staff member) {
        return pages.access().isStaff(member.id()) ? "redirect:/dashboard/staff/me"
                : "redirect:/dashboard/sites/" + member.siteId() + "/staff";
    }

    private String refused(Staff member, FormState form, Model model, HttpServletRequest request,
                           HttpServletResponse response) {
        if (pages.access().isStaff(member.id())) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            model.addAttribute("forms", Forms.failed(form));
            return me(model, request);
        }
        return refusedOwner(member.siteId(), form, model, request, response);
    }

    private String refusedOwner(long siteId, FormState form, Model model, HttpServletRequest request,
                                HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return ofSite(siteId, model, request);
    }
}
