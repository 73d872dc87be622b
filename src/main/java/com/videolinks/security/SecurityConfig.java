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

/**
 * HTTP Basic for the API, health open for load balancers, Camunda's engine REST API for operators only
 * (it is open by default: ENGINES.md). Cockpit under /camunda keeps its own login. The pages (customers' My
 * Bookings, the dashboard) sign in with a form and a session cookie: {@link PageSecurityConfig}.
 */
@Configuration
@ConditionalOnWebApplication
class SecurityConfig {

    @Bean
    @Order(1)
    SecurityFilterChain camundaWebapp(HttpSecurity http) throws Exception {
        // Cockpit authenticates against Camunda's own identity service and protects itself with its CSRF filter
        return http.securityMatcher("/camunda/**")
                .authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
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
                        .requestMatchers("/engine-rest/**", "/actuator/**", "/api/rules/**").hasRole("OPERATOR")
                        .anyRequest().authenticated())
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .build();
    }
}
