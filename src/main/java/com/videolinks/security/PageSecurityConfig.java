package com.videolinks.security;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The server-rendered pages (#5, #12): customers' My Bookings and member pages, the dashboard of owners, staff and
 * operators under {@code /dashboard/**}, the sign-in page, the host's launch URL (#9) and {@code /}, which sends each
 * user to their own page. One browser session (the sign-in form, throttled, or the launch URL) with CSRF protection
 * for all of them; the API keeps its own chain
 * ({@link SecurityConfig}). Which site, staff member or session a user may touch is {@link Access}'s call in
 * each page controller, exactly as in the API.
 */
@Configuration
@ConditionalOnWebApplication
@org.springframework.boot.context.properties.EnableConfigurationProperties(PageProperties.class)
class PageSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, PageProperties properties, SignInProvider signIn) throws Exception {
        SavedRequestAwareAuthenticationSuccessHandler signedIn = new SavedRequestAwareAuthenticationSuccessHandler() {
            @Override
            protected String determineTargetUrl(jakarta.servlet.http.HttpServletRequest request,
                                                jakarta.servlet.http.HttpServletResponse response,
                                                org.springframework.security.core.Authentication authentication) {
                // no page was asked for: the user's own page
                return authentication.getPrincipal() instanceof AppUser user ? HomePages.of(user.role()) : "/";
            }
        };
        return http.securityMatcher("/", "/login", "/logout", "/launch", "/error", "/my-bookings", "/my-bookings/**",
                        "/member/**", "/dashboard", "/dashboard/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/launch", "/error").permitAll()
                        .requestMatchers("/my-bookings", "/my-bookings/**", "/member/**").hasRole("CUSTOMER")
                        .requestMatchers("/dashboard/rules", "/dashboard/rules/**").hasRole("OPERATOR")
                        .requestMatchers("/dashboard", "/dashboard/**").hasAnyRole("OWNER", "STAFF", "OPERATOR")
                        .anyRequest().authenticated())
                .authenticationProvider(signIn)
                .formLogin(form -> form.loginPage("/login").successHandler(signedIn)
                        .failureHandler((request, response, e) -> response.sendRedirect(
                                request.getContextPath() + "/login?error" + siteParameter(request, "&"))))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signedOut()))
                .headers(headers -> {
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(properties.contentSecurityPolicy()))
                            // the page URL never travels to the video provider when a customer follows a link
                            .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER));
                    if (properties.embeddable()) {
                        // CSP frame-ancestors names the host's dashboard; X-Frame-Options can only say DENY or SAMEORIGIN
                        headers.frameOptions(frame -> frame.disable());
                    }
                })
                .build();
    }

    /** Back to the sign-in page of the business the user came from (the pages post its site id with sign-out). */
    private static LogoutSuccessHandler signedOut() {
        return (request, response, authentication) -> {
            try {
                response.sendRedirect(request.getContextPath() + "/login?logout" + siteParameter(request, "&"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
    }

    private static String siteParameter(HttpServletRequest request, String separator) {
        String site = request.getParameter("site");
        return site != null && site.matches("[0-9]{1,18}") ? separator + "site=" + site : "";
    }
}
