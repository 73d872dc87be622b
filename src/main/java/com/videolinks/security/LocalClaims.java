package com.videolinks.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/** Reads the service's own tokens: subject = username, our role and our staff/customer ids. */
final class LocalClaims implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String ROLE = "role";
    static final String STAFF = "staff_id";
    static final String CUSTOMER = "customer_id";

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
