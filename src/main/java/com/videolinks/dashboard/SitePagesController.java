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
import com.videolinks.common.UnavailableException;
import com.videolinks.conferencing.AccountConnections;
import com.videolinks.conferencing.ConferencingAccount;
import com.videolinks.conferencing.zoom.ZoomConnectFlow;
import com.videolinks.security.AppUser;
import com.videolinks.security.Role;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.site.Visibility;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The owner's video conferencing of a site (S2–S4, S8, S9, S14, S21, S22): the default account (custom link or
 * Zoom), disconnecting it after a confirmation listing the sessions that lose their link, the plan (read-only),
 * where links show and the staff self-service switch. Every change goes through the same services as the API.
 */
@Controller
class SitePagesController {

    static final String DEFAULT_ACCOUNT_FORM = "default-account";

    private final DashboardPages pages;
    private final Sites sites;
    private final AccountConnections connections;
    private final ZoomConnectFlow zoom;
    private final SessionOverview overview;
    private final Clock clock;

    SitePagesController(DashboardPages pages, Sites sites, AccountConnections connections, ZoomConnectFlow zoom,
                        SessionOverview overview, Clock clock) {
        this.pages = pages;
        this.sites = sites;
        this.connections = connections;
        this.zoom = zoom;
        this.overview = overview;
        this.clock = clock;
    }

    @GetMapping({"/dashboard", "/dashboard/sites"})
    String sites(Model model, HttpServletRequest request) {
        AppUser user = pages.open(request, model, null);
        List<Site> mine = switch (user.role()) {
            case OPERATOR -> sites.all();
            // signed in by the host's token: the sites it names
            case OWNER -> user.siteIds().isEmpty() ? sites.ownedBy(user.username())
                    : user.siteIds().stream().map(sites::get).toList();
            case STAFF -> {
                throw new AccessDeniedException("staff manage their own video conferencing at /dashboard/staff/me");
            }
            default -> throw new AccessDeniedException("only business owners have sites");
        };
        if (mine.size() == 1 && user.role() == Role.OWNER) {
            return "redirect:/dashboard/sites/" + mine.get(0).id();
        }
        model.addAttribute("sites", mine);
        return "dashboard/sites";
    }

    @GetMapping("/dashboard/sites/{siteId}")
    String site(@PathVariable long siteId, Model model, HttpServletRequest request) {
        pages.access().requireSiteManager(siteId);
        Site site = sites.get(siteId);
        pages.open(request, model, site);
        Optional<ConferencingAccount> account = connections.defaultAccount(siteId);
        model.addAttribute("account", account.orElse(null));
        model.addAttribute("connected", account.map(ConferencingAccount::connected).orElse(false));
        model.addAttribute("staffConnect", connections.staffConnectDecision(siteId, 0, true));
        model.addAttribute("tab", "conferencing");
        return "dashboard/site";
    }

    @PostMapping("/dashboard/sites/{siteId}/default-account")
    String connectCustomLink(@PathVariable long siteId, Model model, HttpServletRequest request,
                             HttpServletResponse response, RedirectAttributes redirect) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted(DEFAULT_ACCOUNT_FORM, request, "url", "password", "description");
        LinkInput input = new LinkInput(form.value("url"), form.value("password"), form.value("description"));
        if (pages.firstSubmit(form, request) && pages.valid(form, input)) {
            try {
                connections.connectDefaultCustomLink(siteId, input.toLink());
                redirect.addFlashAttribute("notice", "notice.defaultConnected");
                return "redirect:/dashboard/sites/" + siteId;
            } catch (InvalidInputException | ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(siteId, form, model, request, response);
    }

    @PostMapping("/dashboard/sites/{siteId}/default-account/zoom")
    String connectZoom(@PathVariable long siteId, Model model, HttpServletRequest request, HttpServletResponse response) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted("zoom", request);
        if (pages.firstSubmit(form, request)) {
            try {
                return "redirect:" + zoom.startDefault(siteId, pages.access().current().username()).authorizeUrl();
            } catch (UnavailableException e) {
                pages.rejectForm(form, "zoom.notConfigured", e.getMessage());
            }
        }
        return refused(siteId, form, model, request, response);
    }

    /** S9: what disconnecting does, and the upcoming sessions that lose their link, before anything changes. */
    @GetMapping("/dashboard/sites/{siteId}/default-account/disconnect")
    String confirmDisconnect(@PathVariable long siteId, Model model, HttpServletRequest request) {
        pages.access().requireSiteManager(siteId);
        Site site = sites.get(siteId);
        pages.open(request, model, site);
        model.addAttribute("account", connections.defaultAccount(siteId).filter(ConferencingAccount::connected)
                .orElseThrow(() -> new ConflictException("no-default-account",
                        "Site " + siteId + " has no connected default account to disconnect")));
        model.addAttribute("losing", overview.losingLinkIfDefaultDisconnected(site, clock.instant()));
        model.addAttribute("tab", "conferencing");
        return "dashboard/disconnect";
    }

    @PostMapping("/dashboard/sites/{siteId}/default-account/disconnect")
    String disconnect(@PathVariable long siteId, Model model, HttpServletRequest request, HttpServletResponse response,
                      RedirectAttributes redirect) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted("disconnect", request);
        if (pages.firstSubmit(form, request)) {
            try {
                connections.disconnectDefault(siteId);
                redirect.addFlashAttribute("notice", "notice.defaultDisconnected");
                return "redirect:/dashboard/sites/" + siteId;
            } catch (ConflictException e) {
                pages.refused(form, e);
            }
        }
        return refused(siteId, form, model, request, response);
    }

    @PostMapping("/dashboard/sites/{siteId}/visibility")
    String visibility(@PathVariable long siteId, Model model, HttpServletRequest request, HttpServletResponse response,
                      RedirectAttributes redirect) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted("visibility", request);
        if (pages.firstSubmit(form, request)) {
            sites.changeVisibility(siteId, new Visibility(checked(request, "confirmationEmail"),
                    checked(request, "myBookings"), checked(request, "memberPages")));
            redirect.addFlashAttribute("notice", "notice.visibilitySaved");
            return "redirect:/dashboard/sites/" + siteId;
        }
        return refused(siteId, form, model, request, response);
    }

    @PostMapping("/dashboard/sites/{siteId}/staff-self-service")
    String selfService(@PathVariable long siteId, Model model, HttpServletRequest request, HttpServletResponse response,
                       RedirectAttributes redirect) {
        pages.access().requireSiteManager(siteId);
        pages.open(request, model, sites.get(siteId));
        FormState form = pages.submitted("self-service", request);
        if (pages.firstSubmit(form, request)) {
            sites.changeStaffSelfService(siteId, checked(request, "enabled"));
            redirect.addFlashAttribute("notice", "notice.selfServiceSaved");
            return "redirect:/dashboard/sites/" + siteId;
        }
        return refused(siteId, form, model, request, response);
    }

    private String refused(long siteId, FormState form, Model model, HttpServletRequest request, HttpServletResponse response) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        model.addAttribute("forms", Forms.failed(form));
        return site(siteId, model, request);
    }

    private static boolean checked(HttpServletRequest request, String name) {
        return "true".equals(request.getParameter(name));
    }
}
