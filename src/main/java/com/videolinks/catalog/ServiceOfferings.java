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

    void assignStaff(long serviceId, List<Long> staffIds);

    /** Sets or clears ({@code null}) the course link and bumps its version. */
    void changeCourseLink(long serviceId, Link link);
}
