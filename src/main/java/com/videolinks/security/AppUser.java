package com.videolinks.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in user with the scope their role gives them: a staff id for STAFF, a customer id for CUSTOMER. An owner
 * signed in by the host's token manages the sites its token names ({@code siteIds}); a local owner the sites they own.
 */
public record AppUser(String username, String passwordHash, Role role, Long staffId, Long customerId, Set<Long> siteIds)
        implements UserDetails {

    public AppUser {
        siteIds = siteIds == null ? Set.of() : Set.copyOf(siteIds);
    }

    public AppUser(String username, String passwordHash, Role role, Long staffId, Long customerId) {
        this(username, passwordHash, role, staffId, customerId, Set.of());
    }

    /** The same user without the password hash: what a token or a session carries. */
    public AppUser withoutPassword() {
        return new AppUser(username, null, role, staffId, customerId, siteIds);
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public String toString() {
        return "AppUser[" + username + ", " + role + "]";
    }
}
