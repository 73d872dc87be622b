package com.videolinks.site;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

import org.springframework.http.HttpStatus;
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
import com.videolinks.security.Role;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Sites of the signed-in owner: create, read, plan (S4), staff self-service (S14) and visibility (S21, S22). */
@RestController
@RequestMapping("/api/sites")
class SiteController {

    record NewSite(@NotBlank @Size(max = 120) String name, @NotNull Plan plan,
                   @NotBlank @Size(max = 60) String timeZone, Boolean staffSelfService, @Valid VisibilityChange visibility) {
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
    private final Access access;

    SiteController(Sites sites, Access access) {
        this.sites = sites;
        this.access = access;
    }

    @GetMapping
    List<Site> mine() {
        AppUser user = access.current();
        if (user.role() == Role.OPERATOR) {
            return sites.all();
        }
        if (user.role() != Role.OWNER) {
            throw new org.springframework.security.access.AccessDeniedException("only business owners list sites");
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
        AppUser user = access.current();
        if (user.role() != Role.OWNER) {
            throw new org.springframework.security.access.AccessDeniedException("only business owners create sites");
        }
        if (!user.siteIds().isEmpty()) {
            throw new org.springframework.security.access.AccessDeniedException("the host creates its sites (host events)");
        }
        return sites.create(site.name().strip(), user.username(), site.plan(), zone(site.timeZone()),
                Boolean.TRUE.equals(site.staffSelfService()),
                site.visibility() == null ? Visibility.everywhere() : site.visibility().toVisibility());
    }

    @GetMapping("/{siteId}")
    Site one(@PathVariable long siteId) {
        access.requireSiteMember(siteId);
        return sites.get(siteId);
    }

    @PutMapping("/{siteId}/plan")
    Site changePlan(@PathVariable long siteId, @Valid @RequestBody PlanChange change) {
        access.requireSiteManager(siteId);
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

    private static ZoneId zone(String id) {
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            throw new InvalidInputException("timeZone", "is not a known time zone such as Asia/Seoul");
        }
    }
}
