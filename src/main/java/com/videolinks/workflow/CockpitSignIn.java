package com.videolinks.workflow;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.ContainerBasedAuthenticationProvider;
import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.videolinks.security.AppUser;
import com.videolinks.security.Role;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Operators reach Cockpit with their own identity, not a shared Camunda admin: Camunda's container-based
 * authentication takes the user from Spring Security's principal (the browser session of the sign-in form or the
 * host's launch URL). Spring Security already let only operators through to {@code /camunda/**}.
 */
@Configuration
class CockpitSignIn {

    /** Camunda's group that may use every webapp; authorization checks are off, so this is informative. */
    static final String OPERATORS_GROUP = "camunda-admin";

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> cockpitContainerAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setName("cockpitContainerAuthentication");
        registration.setInitParameters(Map.of("authentication-provider", SpringSecurityOperators.class.getName()));
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        // after Spring Security's filter chain (order -100), before Camunda's own webapp filters
        registration.setOrder(101);
        return registration;
    }

    /**
     * Camunda's webapps look the user up in its identity service: an operator's first visit records them there (no
     * password: they can only sign in through this service) as a member of the operators' group.
     */
    static synchronized void knownToCamunda(IdentityService identity, String username) {
        if (identity.createUserQuery().userId(username).count() > 0) {
            return;
        }
        if (identity.createGroupQuery().groupId(OPERATORS_GROUP).count() == 0) {
            Group group = identity.newGroup(OPERATORS_GROUP);
            group.setName("Operators");
            group.setType("SYSTEM");
            identity.saveGroup(group);
        }
        User user = identity.newUser(username);
        user.setFirstName(username);
        user.setLastName("(videolinks operator)");
        identity.saveUser(user);
        identity.createMembership(username, OPERATORS_GROUP);
    }

    /** Instantiated by Camunda's filter (by class name): an operator signed in to this service is Cockpit's user. */
    public static class SpringSecurityOperators extends ContainerBasedAuthenticationProvider {

        @Override
        public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
            Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
            if (authentication == null || !(authentication.getPrincipal() instanceof AppUser user) || user.role() != Role.OPERATOR) {
                return AuthenticationResult.unsuccessful();
            }
            knownToCamunda(engine.getIdentityService(), user.username());
            AuthenticationResult result = AuthenticationResult.successful(user.username());
            result.setGroups(List.of(OPERATORS_GROUP));
            return result;
        }
    }
}
