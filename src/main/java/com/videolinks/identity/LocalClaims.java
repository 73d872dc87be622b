package com.videolinks.identity;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

import com.videolinks.security.ActorAuthentication;
import com.videolinks.security.AppUser;
import com.videolinks.security.LocalIssuer;
import com.videolinks.security.Role;
import com.videolinks.security.TokenRefusedException;

/** Reads the service's own tokens: subject = username, our role and our staff/customer ids. */
final class LocalClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final String ROLE = LocalIssuer.ROLE_CLAIM;
    private static final String STAFF = LocalIssuer.STAFF_CLAIM;
    private static final String CUSTOMER = LocalIssuer.CUSTOMER_CLAIM;

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Role role = HostClaims.role(jwt.getClaimAsString(ROLE), ROLE);
        String subject = jwt.getSubject();
        if (subject == null || subject.isBlank()) {
            throw TokenRefusedException.claim("token-claim-missing", "the token names no subject (sub)");
        }
        Long staffId = number(jwt, STAFF);
        Long customerId = number(jwt, CUSTOMER);
        return new ActorAuthentication(new AppUser(subject, null, role, staffId, customerId), jwt);
    }

    private static Long number(Jwt jwt, String claim) {
        Object value = jwt.getClaim(claim);
        if (value == null) {
            return null;
        }
        if (value instanceof Number n) {
            return n.longValue();
        }
        throw TokenRefusedException.claim("token-claim-invalid", "the claim " + claim + " is not a number");
    }
}
