package com.videolinks.security;

import java.util.Collection;
import java.util.Optional;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.videolinks.common.NotFoundException;

/**
 * Decides whether the signed-in user may touch a site's data. Owners reach only their own sites, staff only
 * their own account and sessions (S13), customers only their own bookings; operators reach everything.
 * <p>
 * A user of the site who may not do something gets 403. Anyone else gets exactly the 404 an unknown id gets, naming
 * the id they asked for: nobody learns which ids exist at another business (#11).
 */
@Component
public class Access {

    private final SiteOwners siteOwners;
    private final StaffSites staffSites;
    private final CustomerSites customerSites;

    Access(SiteOwners siteOwners, StaffSites staffSites, CustomerSites customerSites) {
        this.siteOwners = siteOwners;
        this.staffSites = staffSites;
        this.customerSites = customerSites;
    }

    public AppUser current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || !(authentication.getPrincipal() instanceof AppUser user)) {
            throw new AccessDeniedException("sign in first");
        }
        return user;
    }

    /** Owner of the site or operator: may change anything on the site. */
    public void requireSiteManager(long siteId) {
        requireSiteManager(siteId, "site", siteId);
    }

    /**
     * As {@link #requireSiteManager(long)} for something of the site the request named ({@code what} {@code id},
     * e.g. "session" 12): its 404 names that, never the site.
     */
    public void requireSiteManager(long siteId, String what, Object id) {
        AppUser user = current();
        if (!isSiteManager(user, siteId, what, id)) {
            throw refusal(user, siteId, what, id, "you do not manage site " + siteId);
        }
    }

    /** Site manager, or a staff member of the site: may read the site's services and calendar. */
    public void requireSiteMember(long siteId) {
        requireSiteMember(siteId, "site", siteId);
    }

    /** As {@link #requireSiteMember(long)} for something of the site the request named. */
    public void requireSiteMember(long siteId, String what, Object id) {
        requireSiteMember(siteId, ownerOf(siteId, what, id), what, id);
    }

    /**
     * As {@link #requireSiteMember(long, String, Object)} for a caller that has just read the site (its
     * {@code ownerUsername} in this request): the check does not read the site again.
     */
    public void requireSiteMember(long siteId, String ownerUsername, String what, Object id) {
        AppUser user = current();
        if (isSiteManager(user, siteId, ownerUsername) || isStaffOf(user, siteId)) {
            return;
        }
        throw refusal(user, siteId, what, id, "only the site's owner and staff see this");
    }

    /** A customer of the site (or its manager): may book its sessions. */
    public void requireCustomerOfSite(long siteId, String what, Object id) {
        AppUser user = current();
        if (isSiteManager(user, siteId, what, id) || customerOf(user, siteId)) {
            return;
        }
        throw refusal(user, siteId, what, id, "only the site's customers book its sessions");
    }

    /** The staff member themselves or a manager of their site (S12, S13). */
    public void requireStaffOrManager(long staffId) {
        long siteId = staffSite(staffId).orElseThrow(() -> new NotFoundException("staff member", staffId));
        AppUser user = current();
        if (user.role() == Role.STAFF && Long.valueOf(staffId).equals(user.staffId())) {
            return;
        }
        requireSiteManager(siteId, "staff member", staffId);
    }

    /** The customer themselves or a manager of their site. */
    public void requireCustomerOrManager(long customerId) {
        requireCustomerOrManager(customerId, "customer", customerId);
    }

    /**
     * As {@link #requireCustomerOrManager(long)} for something of the customer the request named ({@code what}
     * {@code id}, e.g. "booking" 7): its 404 names that, never the customer.
     */
    public void requireCustomerOrManager(long customerId, String what, Object id) {
        long siteId = customerSite(customerId).orElseThrow(() -> new NotFoundException(what, id));
        AppUser user = current();
        if (user.role() == Role.CUSTOMER && Long.valueOf(customerId).equals(user.customerId())) {
            return;
        }
        requireSiteManager(siteId, what, id);
    }

    public boolean isStaff(long staffId) {
        AppUser user = current();
        return user.role() == Role.STAFF && Long.valueOf(staffId).equals(user.staffId());
    }

    /**
     * Whether the signed-in user may read the secrets (passwords) of links of a session or service of the site
     * taught by one of {@code staffIds}: operators, the site's owner, and those staff members themselves. Other staff
     * of the site see the link without its password (S13: staff manage their own sessions).
     */
    public boolean maySeeLinkSecrets(long siteId, Collection<Long> staffIds) {
        AppUser user = current();
        if (user.role() == Role.OWNER && !user.siteIds().contains(siteId)) {
            return siteOwner(siteId).map(user.username()::equals).orElse(false);
        }
        return maySeeLinkSecrets(user, siteId, null, staffIds);
    }

    /** As {@link #maySeeLinkSecrets(long, Collection)} for a caller that has just read the site's owner. */
    public boolean maySeeLinkSecrets(long siteId, String ownerUsername, Collection<Long> staffIds) {
        return maySeeLinkSecrets(current(), siteId, ownerUsername, staffIds);
    }

    private static boolean maySeeLinkSecrets(AppUser user, long siteId, String ownerUsername, Collection<Long> staffIds) {
        if (user.role() == Role.OPERATOR) {
            return true;
        }
        if (user.role() == Role.OWNER) {
            return user.siteIds().contains(siteId) || user.username().equals(ownerUsername);
        }
        return user.role() == Role.STAFF && user.staffId() != null && staffIds.contains(user.staffId());
    }

    private boolean isSiteManager(AppUser user, long siteId, String what, Object id) {
        return isSiteManager(user, siteId, ownerOf(siteId, what, id));
    }

    private static boolean isSiteManager(AppUser user, long siteId, String ownerUsername) {
        return user.role() == Role.OPERATOR || (user.role() == Role.OWNER
                && (user.username().equals(ownerUsername) || user.siteIds().contains(siteId)));
    }

    /** The site's owner; a site that does not exist is the 404 of what the request named. */
    private String ownerOf(long siteId, String what, Object id) {
        return siteOwner(siteId).orElseThrow(() -> new NotFoundException(what, id));
    }

    /** 403 for a user of the site, who knows what it holds; the unknown id's 404 for everybody else. */
    private RuntimeException refusal(AppUser user, long siteId, String what, Object id, String reason) {
        boolean ofTheSite = isStaffOf(user, siteId) || customerOf(user, siteId);
        return ofTheSite ? new AccessDeniedException(reason) : new NotFoundException(what, id);
    }

    private boolean isStaffOf(AppUser user, long siteId) {
        return user.role() == Role.STAFF && user.staffId() != null
                && staffSite(user.staffId()).map(site -> site == siteId).orElse(false);
    }

    private boolean customerOf(AppUser user, long siteId) {
        return user.role() == Role.CUSTOMER && user.customerId() != null
                && customerSite(user.customerId()).map(site -> site == siteId).orElse(false);
    }

    private Optional<String> siteOwner(long siteId) {
        return siteOwners.ownerOf(siteId);
    }

    private Optional<Long> staffSite(long staffId) {
        return staffSites.siteOfStaff(staffId);
    }

    private Optional<Long> customerSite(long customerId) {
        return customerSites.siteOfCustomer(customerId);
    }
}
