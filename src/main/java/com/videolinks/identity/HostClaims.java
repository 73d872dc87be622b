package com.videolinks.identity;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import com.videolinks.security.ActorAuthentication;
import com.videolinks.security.AppUser;
import com.videolinks.security.IdentityProperties;
import com.videolinks.security.Role;
import com.videolinks.security.TokenRefusedException;
import com.videolinks.booking.Customers;
import com.videolinks.site.Site;
import com.videolinks.site.Sites;
import com.videolinks.staff.Staff;
import com.videolinks.staff.StaffMembers;

/**
 * Reads the host's tokens (claim names are configuration): the role, the host's site id(s) and the host's id of the
 * staff member or customer, mapped to our ids through the host-id columns (V9). A token naming a site, staff member or
 * customer we do not know gets a 403 naming it (docs/adr-006-host-identity.md): the host's events create them.
 */
final class HostClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private final IdentityProperties.Claims names;
    private final Sites sites;
    private final StaffMembers staff;
    private final Customers customers;

    HostClaims(IdentityProperties.Claims names, Sites sites, StaffMembers staff, Customers customers) {
        this.names = names;
        this.sites = sites;
        this.staff = staff;
        this.customers = customers;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw TokenRefusedException.claim("token-claim-missing", "the token names no subject (sub)");
        }
        Role role = role(jwt.getClaimAsString(names.role()), names.role());
        String username = "host:" + subject;
        if (role == Role.OPERATOR) {
            return new ActorAuthentication(new AppUser(username, null, role, null, null), jwt);
        }
        List<String> hostSites = hostSites(jwt);
        Set<Long> siteIds = new LinkedHashSet<>();
        for (String hostSite : hostSites) {
            siteIds.add(sites.findByHostId(hostSite).map(Site::id).orElseThrow(() -> TokenRefusedException.unknown(
                    "host-site-unknown", "site " + hostSite + " of the host is not known here (yet)")));
        }
        return switch (role) {
            case OWNER -> new ActorAuthentication(new AppUser(username, null, role, null, null, siteIds), jwt);
            case STAFF -> {
                long siteId = onlySite(siteIds, role);
                String hostStaff = required(jwt, names.staff());
                long staffId = staff.findByHostId(siteId, hostStaff).map(Staff::id).orElseThrow(() -> TokenRefusedException
                        .unknown("host-staff-unknown", "staff member " + hostStaff + " of site " + hostSites.get(0) + " is not known here (yet)"));
                yield new ActorAuthentication(new AppUser(username, null, role, staffId, null), jwt);
            }
            case CUSTOMER -> {
                long siteId = onlySite(siteIds, role);
                String hostCustomer = required(jwt, names.customer());
                long customerId = customers.findByHostId(siteId, hostCustomer).map(c -> c.id()).orElseThrow(() -> TokenRefusedException
                        .unknown("host-customer-unknown", "customer " + hostCustomer + " of site " + hostSites.get(0) + " is not known here (yet)"));
                yield new ActorAuthentication(new AppUser(username, null, role, null, customerId), jwt);
            }
            case OPERATOR -> throw new IllegalStateException("handled above");
        };
    }

    static Role role(String value, String claim) {
        if (value == null || value.isBlank()) {
            throw TokenRefusedException.claim("token-claim-missing", "the token has no role claim (" + claim + ")");
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw TokenRefusedException.claim("token-claim-invalid", "the role claim (" + claim + ") is not one of operator, owner, staff, customer");
        }
    }

    private List<String> hostSites(Jwt jwt) {
        Object value = jwt.getClaim(names.sites());
        List<String> ids;
        if (value == null) {
            ids = List.of();
        } else if (value instanceof String || value instanceof Number) {
            ids = List.of(value.toString());
        } else if (value instanceof Collection<?> many) {
            ids = many.stream().map(String::valueOf).toList();
        } else {
            throw TokenRefusedException.claim("token-claim-invalid", "the site claim (" + names.sites() + ") is not an id or a list of ids");
        }
        if (ids.isEmpty()) {
            throw TokenRefusedException.claim("token-claim-missing", "the token names no site (" + names.sites() + ")");
        }
        return ids;
    }

    private static long onlySite(Set<Long> siteIds, Role role) {
        if (siteIds.size() != 1) {
            throw TokenRefusedException.claim("token-claim-invalid", "a " + role.name().toLowerCase(Locale.ROOT) + " token names exactly one site");
        }
        return siteIds.iterator().next();
    }

    private static String required(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value == null || value.toString().isBlank()) {
            throw TokenRefusedException.claim("token-claim-missing", "the token has no " + claim + " claim");
        }
        return value.toString();
    }
}
