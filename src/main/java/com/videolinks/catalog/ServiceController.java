package com.videolinks.catalog;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.InvalidInputException;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.Access;
import com.videolinks.staff.StaffMembers;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Services of a site (S17, S18) and the staff assigned to them (S10). */
@RestController
class ServiceController {

    record NewService(@NotBlank @Size(max = 120) String name, @NotNull ServiceKind kind, @NotNull Boolean online) {
    }

    record StaffAssignment(@NotNull @Size(max = 200) List<@NotNull Long> staffIds) {
    }

    private final ServiceOfferings services;
    private final StaffMembers staff;
    private final Access access;

    ServiceController(ServiceOfferings services, StaffMembers staff, Access access) {
        this.services = services;
        this.staff = staff;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/services")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceOffering create(@PathVariable long siteId, @Valid @RequestBody NewService service) {
        access.requireSiteManager(siteId);
        return services.create(siteId, service.name().strip(), service.kind(), service.online());
    }

    @GetMapping("/api/sites/{siteId}/services")
    List<ServiceOffering> ofSite(@PathVariable long siteId) {
        access.requireSiteMember(siteId);
        return services.ofSite(siteId).stream().map(this::readable).toList();
    }

    @GetMapping("/api/services/{serviceId}")
    ServiceOffering one(@PathVariable long serviceId) {
        ServiceOffering service = services.get(serviceId);
        access.requireSiteMember(service.siteId(), "service", serviceId);
        return readable(service);
    }

    /** A course link's password is for the site's managers and the staff assigned to the course (#11, S13). */
    private ServiceOffering readable(ServiceOffering service) {
        return access.maySeeLinkSecrets(service.siteId(), service.staffIds()) ? service : service.withoutLinkPassword();
    }

    @PutMapping("/api/services/{serviceId}/staff")
    ServiceOffering assignStaff(@PathVariable long serviceId, @Valid @RequestBody StaffAssignment assignment) {
        ServiceOffering service = services.get(serviceId);
        access.requireSiteManager(service.siteId(), "service", serviceId);
        for (int i = 0; i < assignment.staffIds().size(); i++) {
            long staffId = assignment.staffIds().get(i);
            boolean ofSite = staff.find(staffId).map(member -> member.siteId() == service.siteId()).orElse(false);
            if (!ofSite) {
                throw new InvalidInputException("staffIds[" + i + "]", "staff member " + staffId + " does not work at this site");
            }
        }
        services.assignStaff(serviceId, assignment.staffIds());
        return services.get(serviceId);
    }
}
