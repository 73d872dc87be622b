package com.videolinks.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import com.videolinks.common.NotFoundException;

/**
 * Decides whether the signed-in user may touch a site's data. Owners reach only their own sites, staff only
 * their own account and sessions (S13), customers only their own bookings; operators reach everything.
 * Unknown ids answer 404 before any ownership check, so a 403 never hides a typo.
 */
@Component
public class Access {

    private static final String SITE_OWNER = "select owner_username from site where id = :id";
    private static final String STAFF_SITE = "select site_id from staff where id = :id";
    private static final String CUSTOMER_SITE = "select site_id from customer where id = :id";

    private final JdbcClient jdbc;

    Access(JdbcClient jdbc) {
        this.jdbc = jdbc;
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
        AppUser user = current();
        String owner = siteOwner(siteId);
        if (user.role() == Role.OPERATOR || (user.role() == Role.OWNER
                && (owner.equals(user.username()) || user.siteIds().contains(siteId)))) {
            return;
        }
        throw new AccessDeniedException("you do not manage site " + siteId);
    }

    /** Site manager, or a staff member of the site: may read the site's services and calendar. */
    public void requireSiteMember(long siteId) {
        AppUser user = current();
        if (user.role() == Role.STAFF && user.staffId() != null && staffSite(user.staffId()).orElse(-1L) == siteId) {
            siteOwner(siteId);
            return;
        }
        requireSiteManager(siteId);
    }

    /** The staff member themselves or a manager of their site (S12, S13). */
    public void requireStaffOrManager(long staffId) {
        long siteId = staffSite(staffId).orElseThrow(() -> new NotFoundException("staff member", staffId));
        AppUser user = current();
        if (user.role() == Role.STAFF && Long.valueOf(staffId).equals(user.staffId())) {
            return;
        }
        requireSiteManager(siteId);
    }

    /** The customer themselves or a manager of their site. */
    public void requireCustomerOrManager(long customerId) {
        long siteId = jdbc.sql(CUSTOMER_SITE).param("id", customerId).query(Long.class).optional()
                .orElseThrow(() -> new NotFoundException("customer", customerId));
        AppUser user = current();
        if (user.role() == Role.CUSTOMER && Long.valueOf(customerId).equals(user.customerId())) {
            return;
        }
        requireSiteManager(siteId);
    }

    public boolean isStaff(long staffId) {
        AppUser user = current();
        return user.role() == Role.STAFF && Long.valueOf(staffId).equals(user.staffId());
    }

    private String siteOwner(long siteId) {
        return jdbc.sql(SITE_OWNER).param("id", siteId).query(String.class).optional()
                .orElseThrow(() -> new NotFoundException("site", siteId));
    }

    private Optional<Long> staffSite(long staffId) {
        return jdbc.sql(STAFF_SITE).param("id", staffId).query(Long.class).optional();
    }
}
