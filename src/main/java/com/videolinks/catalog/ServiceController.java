package com.videolinks.catalog;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.security.Access;

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
    private final ServiceCatalog catalog;
    private final Access access;

    ServiceController(ServiceOfferings services, ServiceCatalog catalog, Access access) {
        this.services = services;
        this.catalog = catalog;
        this.access = access;
    }

    @PostMapping("/api/sites/{siteId}/services")
    @ResponseStatus(HttpStatus.CREATED)
    ServiceOffering create(@PathVariable long siteId, @Valid @RequestBody NewService service) {
        access.requireSiteManager(siteId);
        return catalog.create(siteId, service.name(), service.kind(), service.online());
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

    /** Name, kind and online/offline: the same change as the host's service.updated. */
    @PutMapping("/api/services/{serviceId}")
    ServiceOffering update(@PathVariable long serviceId, @Valid @RequestBody NewService change) {
        access.requireSiteManager(services.get(serviceId).siteId(), "service", serviceId);
        return catalog.update(serviceId, change.name(), change.kind(), change.online());
    }

    /** The service leaves the site's list and its sessions are cancelled: the host's service.deleted. */
    @DeleteMapping("/api/services/{serviceId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long serviceId) {
        access.requireSiteManager(services.get(serviceId).siteId(), "service", serviceId);
        catalog.delete(serviceId);
    }

    @PutMapping("/api/services/{serviceId}/staff")
    ServiceOffering assignStaff(@PathVariable long serviceId, @Valid @RequestBody StaffAssignment assignment) {
        ServiceOffering service = services.get(serviceId);
        access.requireSiteManager(service.siteId(), "service", serviceId);
        return catalog.assignStaff(serviceId, assignment.staffIds());
    }
}
