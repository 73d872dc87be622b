package com.videolinks.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** A request authenticated by a verified token (the service's own or the host's): the user it names and the token. */
public final class ActorAuthentication extends AbstractAuthenticationToken {

    private final AppUser user;
    private final transient Jwt token;

    public ActorAuthentication(AppUser user, Jwt token) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public AppUser getPrincipal() {
        return user;
    }

    @Override
    public String getName() {
        return user.username();
    }
}
