package com.videolinks.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerAuthenticationManagerResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Two ways in, no ambient credential on the API (issue #9, #11):
 * <ul>
 * <li>the API (and Camunda's engine REST API, operators only) accepts only {@code Authorization: Bearer} tokens —
 * the host's or this service's own — verified by Spring Security's resource server; stateless, no cookie, so nothing
 * can be forged cross-site, and its 401 never says {@code WWW-Authenticate: Basic};</li>
 * <li>browser pages (My Bookings, member pages, Cockpit) use a session from the sign-in form or the host's launch
 * URL, with CSRF protection (ours on the pages, Camunda's own on Cockpit's API). Cockpit is for operators: Camunda's
 * container-based authentication takes their identity from this session (workflow/CockpitSignIn).</li>
 * </ul>
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    /** The customer pages load nothing from elsewhere and run no script; links they show open in a new tab. */
    private static final String PAGE_CSP =
            "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String COCKPIT = "/camunda/app/cockpit/default/";

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapp(HttpSecurity http, ObjectMapper json) throws Exception {
        TokenProblems problems = new TokenProblems(json);
        // plain path matchers: Cockpit's API is served by Camunda's JAX-RS servlets, not by Spring MVC, and MVC matchers
        // let those requests fall through to the API chain (#11: Cockpit's API answered the API's Basic challenge)
        return http.securityMatcher(new OrRequestMatcher(new AntPathRequestMatcher("/camunda/**"), new AntPathRequestMatcher("/")))
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(new AntPathRequestMatcher("/")).permitAll()
                        .anyRequest().hasRole("OPERATOR"))
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
    @Order(2)
    SecurityFilterChain browserSignIn(HttpSecurity http, SignInProvider signIn) throws Exception {
        return http.securityMatcher("/my-bookings", "/my-bookings/**", "/member/**", "/login", "/logout", "/launch")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/login", "/launch").permitAll()
                        .anyRequest().hasRole("CUSTOMER"))
                .authenticationProvider(signIn)
                .formLogin(form -> form.loginPage("/login").successHandler(new LandingPage()))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        // the page URL never travels to the video provider when a customer follows a link
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER)))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain api(HttpSecurity http, JwtIssuerAuthenticationManagerResolver tokens, ObjectMapper json) throws Exception {
        TokenProblems problems = new TokenProblems(json);
        return http
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers("/actuator/health/**", "/actuator/health", "/error").permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/auth/token", "/api/setup/first-operator").permitAll()
                        .requestMatchers(HttpMethod.GET, "/.well-known/jwks.json").permitAll()
                        // Zoom's webhooks carry no credentials: they authenticate by HMAC signature (ZoomWebhookController)
                        .requestMatchers(HttpMethod.POST, "/api/zoom/webhooks").permitAll()
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

    /** After the sign-in form: the page asked for, else operators to Cockpit and customers to My Bookings. */
    private static final class LandingPage extends SavedRequestAwareAuthenticationSuccessHandler {
        @Override
        protected String determineTargetUrl(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
            boolean operator = authentication.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_OPERATOR"));
            return operator ? COCKPIT : "/my-bookings";
        }
    }
}
