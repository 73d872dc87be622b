package com.videolinks.catalog;

import java.util.List;
import java.util.Optional;

import com.videolinks.common.NotFoundException;
import com.videolinks.policy.vocabulary.Link;
import com.videolinks.policy.vocabulary.ServiceKind;

/** All bookable services. */
public interface ServiceOfferings {

    ServiceOffering create(long siteId, String name, ServiceKind kind, boolean online);

    Optional<ServiceOffering> find(long id);

    default ServiceOffering get(long id) {
        return find(id).orElseThrow(() -> new NotFoundException("service", id));
    }

    List<ServiceOffering> ofSite(long siteId);

    /** The services with these ids that exist, in two queries (services, their staff). */
    List<ServiceOffering> findAll(java.util.Collection<Long> ids);

    /** The services with these ids that exist, without their staff, in one query (what a list of bookings shows). */
    List<ServiceSummary> summaries(java.util.Collection<Long> ids);

    /**
     * The ids of every service the site has had, deleted ones too ({@code withCourses} false: courses left out):
     * how the session feature finds a site's sessions without reading this feature's table.
     */
    List<Long> idsOfSite(long siteId, boolean withCourses);

    void assignStaff(long serviceId, List<Long> staffIds);

    /** The site's service whom the host names {@code hostId}, deleted ones included. */
    Optional<ServiceOffering> findByHostId(long siteId, String hostId);

    /** Records the host's id of a service; unique within the site. */
    void setHostId(long serviceId, String hostId);

    void update(long serviceId, String name, ServiceKind kind, boolean online);

    /** Sets which services of the site a staff member is assigned to (the host's staff events carry them). */
    void assignServicesOfStaff(long staffId, long siteId, List<Long> serviceIds);

    /** The staff member leaves every service. */
    void unassignEverywhere(long staffId);

    /** The service leaves the site's list; sessions and bookings keep their history. */
    void markDeleted(long serviceId, java.time.Instant at);

    /** Sets or clears ({@code null}) the course link and bumps its version. */
    void changeCourseLink(long serviceId, Link link);
}
