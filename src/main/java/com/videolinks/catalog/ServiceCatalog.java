package com.videolinks.catalog;

import java.time.Clock;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.policy.vocabulary.ServiceKind;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;
import com.videolinks.staff.StaffRemoved;

/**
 * Creates, edits and deletes a site's services and assigns their staff (S10, S17, S18): the one write path of the
 * REST API and of the host's service and staff events. A deletion is announced ({@link ServiceDeleted}) in its
 * transaction, so the service's sessions are cancelled with it.
 */
@Service
public class ServiceCatalog {

    private static final Logger log = LoggerFactory.getLogger(ServiceCatalog.class);

    private final ServiceOfferings services;
    private final StaffMembers staff;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ServiceCatalog(ServiceOfferings services, StaffMembers staff, ApplicationEventPublisher events, Clock clock) {
        this.services = services;
        this.staff = staff;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public ServiceOffering create(long siteId, String name, ServiceKind kind, boolean online) {
        return services.create(siteId, name.strip(), kind, online);
    }

    /**
     * Name, kind and online/offline. A course with a link of its own stays a course: its sessions read that link
     * (S18), so the kind cannot change under them.
     */
    @Transactional
    public ServiceOffering update(long serviceId, String name, ServiceKind kind, boolean online) {
        ServiceOffering service = services.get(serviceId);
        if (service.kind() == ServiceKind.COURSE && kind != ServiceKind.COURSE && service.courseLink() != null) {
            throw new ConflictException("course-has-link", "Service " + serviceId
                    + " is a course with its own link (S18); remove the course link before changing its kind");
        }
        services.update(serviceId, name.strip(), kind, online);
        return services.get(serviceId);
    }

    /** Replaces the staff assigned to the service; each must work at the service's site (S10). */
    @Transactional
    public ServiceOffering assignStaff(long serviceId, List<Long> staffIds) {
        ServiceOffering service = services.get(serviceId);
        for (int i = 0; i < staffIds.size(); i++) {
            long staffId = staffIds.get(i);
            boolean ofSite = staff.find(staffId).map(member -> member.siteId() == service.siteId()).orElse(false);
            if (!ofSite) {
                throw new InvalidInputException("staffIds[" + i + "]", "staff member " + staffId + " does not work at this site");
            }
        }
        services.assignStaff(serviceId, staffIds);
        return services.get(serviceId);
    }

    /** Sets the services a staff member is assigned to; each must be a service of their site. */
    @Transactional
    public void assignServicesOfStaff(long staffId, List<Long> serviceIds) {
        Staff member = staff.get(staffId);
        for (int i = 0; i < serviceIds.size(); i++) {
            long serviceId = serviceIds.get(i);
            boolean ofSite = services.find(serviceId).map(s -> s.siteId() == member.siteId()).orElse(false);
            if (!ofSite) {
                throw new InvalidInputException("serviceIds[" + i + "]", "service " + serviceId + " is not a service of this site");
            }
        }
        services.assignServicesOfStaff(staffId, member.siteId(), serviceIds);
    }

    /** The service leaves the site's list and its sessions are cancelled (their Zoom meetings deleted). */
    @Transactional
    public void delete(long serviceId) {
        ServiceOffering service = services.get(serviceId);
        services.assignStaff(serviceId, List.of());
        services.markDeleted(serviceId, clock.instant());
        log.info("Service {} of site {} deleted", serviceId, service.siteId());
        events.publishEvent(new ServiceDeleted(serviceId, service.siteId()));
    }

    @EventListener
    void on(StaffRemoved removed) {
        services.unassignEverywhere(removed.staffId());
    }
}
