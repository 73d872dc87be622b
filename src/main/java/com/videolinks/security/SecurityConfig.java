package com.videolinks.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * HTTP Basic for the API, health open for load balancers, Camunda's engine REST API for operators only
 * (it is open by default: ENGINES.md). Cockpit under /camunda keeps its own login. The customer pages
 * (My Bookings) sign in with a form and a session cookie, with CSRF protection.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    /** The customer pages load nothing from elsewhere and run no script; links they show open in a new tab. */
    private static final String PAGE_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapp(HttpSecurity http) throws Exception {
        // Cockpit authenticates against Camunda's own identity service and protects itself with its CSRF filter
        return http.securityMatcher("/camunda/**", "/")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain customerPageLogin(HttpSecurity http) throws Exception {
        return http.securityMatcher("/my-bookings", "/my-bookings/**", "/member/**", "/login", "/logout")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login").permitAll()
                        .anyRequest().hasRole("CUSTOMER"))
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/my-bookings"))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        // the page URL never travels to the video provider when a customer follows a link
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http) throws Exception {
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        // Zoom's webhooks carry no credentials: they authenticate by HMAC signature (ZoomWebhookController)
                        .requestMatchers(HttpMethod.POST, "/api/zoom/webhooks").permitAll()
                        // the host's events carry no credentials either: HMAC signature of the host's key (#10)
                        .requestMatchers(HttpMethod.POST, "/api/host/events").permitAll()
                        // the published contract (OpenAPI, Swagger UI) is public for integrators (#10)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/engine-rest/**", "/actuator/**", "/api/rules/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
