package com.videolinks.identity;

import java.time.Duration;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Spring Security's choice of the trusted issuer for a bearer token, remembered for a token string it has accepted
 * before (docs/adr-015-link-request-cost.md): {@link JwtIssuerAuthenticationManagerResolver} decodes the whole token
 * to read its {@code iss} on every request, as costly as the rest of a verified token's authentication. The issuer is
 * part of the signed token, so the same string always goes to the same issuer; that issuer's authentication (with
 * {@link VerifiedTokens}: claim checks, key still published, then the claims read) still runs on every use. A token
 * not accepted before — or refused — takes Spring Security's path and gets its errors.
 */
final class RememberedIssuers implements AuthenticationManagerResolver<HttpServletRequest> {

    private final JwtIssuerAuthenticationManagerResolver resolver;
    private final Map<String, AuthenticationManager> byIssuer;
    private final Cache<String, AuthenticationManager> accepted = Caffeine.newBuilder()
            .maximumSize(VerifiedTokens.MAX_TOKENS).expireAfterAccess(Duration.ofHours(1)).build();

    RememberedIssuers(Map<String, AuthenticationManager> byIssuer) {
        this.byIssuer = Map.copyOf(byIssuer);
        this.resolver = new JwtIssuerAuthenticationManagerResolver(this.byIssuer::get);
    }

    @Override
    public AuthenticationManager resolve(HttpServletRequest request) {
        return authentication -> authenticate(request, authentication);
    }

    private Authentication authenticate(HttpServletRequest request, Authentication authentication) {
        if (!(authentication instanceof BearerTokenAuthenticationToken bearer)) {
            return resolver.resolve(request).authenticate(authentication);
        }
        AuthenticationManager known = accepted.getIfPresent(bearer.getToken());
        if (known != null) {
            return known.authenticate(authentication);
        }
        Authentication result = resolver.resolve(request).authenticate(authentication);
        if (result.getCredentials() instanceof Jwt jwt && jwt.getClaimAsString("iss") != null) {
            AuthenticationManager issuer = byIssuer.get(jwt.getClaimAsString("iss"));
            if (issuer != null) {
                accepted.put(bearer.getToken(), issuer);
            }
        }
        return result;
    }
}
