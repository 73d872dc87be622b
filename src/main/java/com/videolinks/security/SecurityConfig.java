package com.videolinks.security;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Two ways in, no ambient credential on the API (issue #9, #11):
 * <ul>
 * <li>the API (and Camunda's engine REST API, operators only) accepts only {@code Authorization: Bearer} tokens —
 * the host's or this service's own — verified by Spring Security's resource server; stateless, no cookie, so nothing
 * can be forged cross-site, and its 401 never says {@code WWW-Authenticate: Basic};</li>
 * <li>browser pages (My Bookings, member pages, the dashboard: {@link PageSecurityConfig}; Cockpit) use a session
 * from the sign-in form or the host's launch URL, with CSRF protection (ours on the pages, Camunda's own on Cockpit's
 * API). Cockpit is for operators: Camunda's container-based authentication takes their identity from this session
 * (workflow/CockpitSignIn).</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapp(HttpSecurity http, ObjectMapper json) throws Exception {
        TokenProblems problems = new TokenProblems(json);
        // plain path matchers: Cockpit's API is served by Camunda's JAX-RS servlets, not by Spring MVC, and MVC matchers
        // let those requests fall through to the API chain (#11: Cockpit's API answered the API's Basic challenge)
        return http.securityMatcher(new AntPathRequestMatcher("/camunda/**"))
                .authorizeHttpRequests(auth -> auth.anyRequest().hasRole("OPERATOR"))
                .exceptionHandling(e -> e
                        // Cockpit's own API calls get a plain 401 (no Basic challenge); a page goes to the sign-in form
                        .defaultAuthenticationEntryPointFor(problems, new AntPathRequestMatcher("/camunda/api/**"))
                        .defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"),
                                new AntPathRequestMatcher("/**")))
                // Cockpit's API is protected by Camunda's own CSRF filter (X-XSRF-TOKEN), which Cockpit's pages speak
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, AuthenticationManagerResolver<HttpServletRequest> tokens, ObjectMapper json) throws Exception {
        TokenProblems problems = new TokenProblems(json);
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token", "/api/setup/first-operator").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        // Zoom's webhooks carry no credentials: they authenticate by HMAC signature (ZoomWebhookController)
                        .requestMatchers(HttpMethod.POST, "/api/zoom/webhooks").permitAll()
                        // the host's events carry no credentials either: HMAC signature of the host's key (#10)
                        .requestMatchers(HttpMethod.POST, "/api/host/events").permitAll()
                        // the published contract (OpenAPI, Swagger UI) is public for integrators (#10)
                        .requestMatchers("/v3/api-docs", "/v3/api-docs.yaml", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/engine-rest/**", "/actuator/**", "/api/rules/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .oauth2ResourceServer(resource -> resource
                        .authenticationManagerResolver(tokens)
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(e -> e.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new DelegatingSecurityContextRepository(
                        new RequestAttributeSecurityContextRepository(), new ZoomCallbackSession())))
                // bearer tokens are never sent by a browser on its own: no CSRF to protect against
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
