package com.videolinks.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.videolinks.security.ActorAuthentication;
import com.videolinks.security.AppUser;
import com.videolinks.security.Role;

/** A token string accepted before goes straight to the issuer it names, whose checks still run on every use (#9). */
class RememberedIssuersTest {

    final List<String> asked = new ArrayList<>();
    boolean hostRefuses;

    final RememberedIssuers issuers = new RememberedIssuers(Map.of(
            "https://local", manager("local"),
            "https://host", authentication -> {
                asked.add("host");
                if (hostRefuses) {
                    throw new InvalidBearerTokenException("refused");
                }
                return accepted(authentication, "https://host");
            }));

    @Test
    void anAcceptedTokenGoesToItsIssuerAgainWhichStillDecides() {
        String token = token("https://host");
        authenticate(token);
        authenticate(token);
        assertThat(asked).containsExactly("host", "host");

        hostRefuses = true;
        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
    }

    @Test
    void aRefusedTokenIsNotRememberedAndEachIssuerGetsOnlyItsOwnTokens() {
        hostRefuses = true;
        String token = token("https://host");
        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        assertThatThrownBy(() -> authenticate(token)).isInstanceOf(InvalidBearerTokenException.class);
        authenticate(token("https://local"));

        assertThat(asked).containsExactly("host", "host", "local");
    }

    @Test
    void aTokenOfAnIssuerNotTrustedIsRefused() {
        assertThatThrownBy(() -> authenticate(token("https://elsewhere"))).isInstanceOf(InvalidBearerTokenException.class);
        assertThat(asked).isEmpty();
    }

    private Authentication authenticate(String token) {
        return issuers.resolve(new MockHttpServletRequest()).authenticate(new BearerTokenAuthenticationToken(token));
    }

    private AuthenticationManager manager(String name) {
        return authentication -> {
            asked.add(name);
            return accepted(authentication, "https://" + name);
        };
    }

    private static Authentication accepted(Authentication bearer, String issuer) {
        String token = ((BearerTokenAuthenticationToken) bearer).getToken();
        Jwt jwt = Jwt.withTokenValue(token).header("alg", "none").claim("iss", issuer).subject("mina")
                .expiresAt(Instant.now().plusSeconds(60)).build();
        return new ActorAuthentication(new AppUser("mina", null, Role.OWNER, null, null), jwt);
    }

    private static String token(String issuer) {
        return new PlainJWT(new JWTClaimsSet.Builder().issuer(issuer).subject("mina").build()).serialize();
    }
}
