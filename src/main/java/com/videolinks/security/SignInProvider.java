package com.videolinks.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

/** The browser sign-in form (/login) checks passwords through {@link SignIn}, throttled like the token endpoint. */
@Component
class SignInProvider implements AuthenticationProvider {

    private final SignIn signIn;

    SignInProvider(SignIn signIn) {
        this.signIn = signIn;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String client = authentication.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : "unknown";
        AppUser user = signIn.verify(authentication.getName(), String.valueOf(authentication.getCredentials()), client);
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
