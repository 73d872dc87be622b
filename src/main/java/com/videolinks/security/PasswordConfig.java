package com.videolinks.security;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/** How stored passwords are hashed; needed with or without the web layer (demo data creates users). */
@Configuration
class PasswordConfig {

    /** bcrypt; the cost is configurable so tests can sign in hundreds of times without burning seconds. */
    @Bean
    PasswordEncoder passwordEncoder(@Value("${videolinks.security.bcrypt-strength:10}") int strength) {
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", new BCryptPasswordEncoder(strength)));
    }
}
