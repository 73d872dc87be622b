package com.videolinks.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.InvalidInputException;
import com.videolinks.policy.vocabulary.Plan;
import com.videolinks.security.Access;
import com.videolinks.security.AppUser;
import com.videolinks.security.AppUsers;
import com.videolinks.security.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Sites of the signed-in owner: create, read, plan (S4), staff self-service (S14) and visibility (S21, S22). In host
 * mode the plan is the host's (#10): only operators change it here, for support.
 */
@RestController
@RequestMapping("/api/sites")
class SiteController {

    /** {@code owner}: an operator creates the site for this owner; owners create sites for themselves. */
    record NewSite(@NotBlank @Size(max = 120) String name, @NotNull Plan plan,
                   @NotBlank @Size(max = 60) String timeZone, Boolean staffSelfService, @Valid VisibilityChange visibility,
                   @Size(max = 80) String owner,
                   @Email @Size(max = 254) String contactEmail) {
    }

    /** #13: where the site's customers' replies to its emails go; null or blank: no Reply-To. */
    record ContactEmailChange(@Email @Size(max = 254) String email) {
    }

    record PlanChange(@NotNull Plan plan) {
    }

    record SelfServiceChange(@NotNull Boolean enabled) {
    }

    record VisibilityChange(@NotNull Boolean confirmationEmail, @NotNull Boolean myBookings, @NotNull Boolean memberPages) {

        Visibility toVisibility() {
            return new Visibility(confirmationEmail, myBookings, memberPages);
        }
    }

    private final Sites sites;
    private final AppUsers users;
    private final Access access;
    private final boolean plansFromHost;

    /**
     * {@code plansFromHost} (host mode, the default): the plan is the host's billing fact, set by its events
     * (site.plan_changed, plugin.installed); owners can neither change it nor create sites with a plan of their choice.
     */
    SiteController(Sites sites, AppUsers users, Access access,
                   @Value("${videolinks.host.plans-from-host:true}") boolean plansFromHost) {
        this.sites = sites;
        this.users = users;
        this.access = access;
        this.plansFromHost = plansFromHost;
    }

    @GetMapping
    List<Site> mine() {
        AppUser user = access.current();
        if (user.role() == Role.OPERATOR) {
            return sites.all();
        }
        if (user.role() != Role.OWNER) {
            throw new AccessDeniedException("only business owners list sites");
        }
        if (!user.siteIds().isEmpty()) {
            // signed in by the host's token: the sites it names
            return user.siteIds().stream().map(sites::get).toList();
        }
        return sites.ownedBy(user.username());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    Site create(@Valid @RequestBody NewSite site) {
        ZoneId zone = zone(site.timeZone());
        AppUser user = access.current();
        String owner;
        if (user.role() == Role.OPERATOR) {
            if (site.owner() == null || users.find(site.owner().strip()).filter(u -> u.role() == Role.OWNER).isEmpty()) {
                throw new InvalidInputException("owner", "must name a business owner when an operator creates a site");
            }
            owner = site.owner().strip();
        } else if (user.role() == Role.OWNER && !plansFromHost && user.siteIds().isEmpty()) {
            owner = user.username();
        } else if (user.role() == Role.OWNER) {
            throw new AccessDeniedException("sites and their plans come from the host platform (plugin.installed, "
                    + "site.plan_changed); an operator can create one for support");
        } else {
            throw new AccessDeniedException("only business owners and operators create sites");
        }
        Site created = sites.create(site.name().strip(), owner, site.plan(), zone,
                Boolean.TRUE.equals(site.staffSelfService()),
                site.visibility() == null ? Visibility.everywhere() : site.visibility().toVisibility());
        if (blankToNull(site.contactEmail()) != null) {
            sites.changeContactEmail(created.id(), blankToNull(site.contactEmail()));
        }
        return sites.get(created.id());
    }

    /** #13: the Reply-To of the site's customer and staff emails; the host's plugin.installed sets it too. */
    @PutMapping("/{siteId}/contact-email")
    Site changeContactEmail(@PathVariable long siteId, @Valid @RequestBody ContactEmailChange change) {
        access.requireSiteManager(siteId);
        sites.changeContactEmail(siteId, blankToNull(change.email()));
        return sites.get(siteId);
    }

    @GetMapping("/{siteId}")
    Site one(@PathVariable long siteId) {
        access.requireSiteMember(siteId);
        return sites.get(siteId);
    }

    @PutMapping("/{siteId}/plan")
    Site changePlan(@PathVariable long siteId, @Valid @RequestBody PlanChange change) {
        access.requireSiteManager(siteId);
        if (plansFromHost && access.current().role() != Role.OPERATOR) {
            // #10: the plan is the host's billing fact; an owner setting it would bypass the plan gate (S4)
            throw new AccessDeniedException("the plan of site " + siteId + " is set by the host platform when the "
                    + "business changes its paid plan there; operators can change it for support");
        }
        sites.changePlan(siteId, change.plan());
        return sites.get(siteId);
    }

    @PutMapping("/{siteId}/visibility")
    Site changeVisibility(@PathVariable long siteId, @Valid @RequestBody VisibilityChange change) {
        access.requireSiteManager(siteId);
        sites.changeVisibility(siteId, change.toVisibility());
        return sites.get(siteId);
    }

    @PutMapping("/{siteId}/staff-self-service")
    Site changeSelfService(@PathVariable long siteId, @Valid @RequestBody SelfServiceChange change) {
        access.requireSiteManager(siteId);
        sites.changeStaffSelfService(siteId, change.enabled());
        return sites.get(siteId);
    }

    private static String blankToNull(String email) {
        return email == null || email.isBlank() ? null : email.strip();
    }

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone such as Asia/Seoul");
        }
    }
}
