package com.videolinks.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * A start without the demo (issue #9): no default credential. Refuses to start while the demo passwords are in use
 * (Camunda's admin/admin, a user whose password is still the demo one). With no operator yet, the first one comes
 * from {@code videolinks.identity.first-operator.password} (or {@code .password-file}); without either, a one-time
 * setup token is printed once, to be sent to {@code POST /api/setup/first-operator}.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class FirstOperator implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstOperator.class);
    static final int MIN_PASSWORD_LENGTH = 12;

    private final AppUsers users;
    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;
    private final IdentityProperties.FirstOperator settings;
    private final Environment environment;
    private final boolean demo;
    private final String demoPassword;
    private final AtomicReference<byte[]> setupTokenHash = new AtomicReference<>();

    FirstOperator(AppUsers users, JdbcClient jdbc, PasswordEncoder passwords, IdentityProperties properties, Environment environment,
                  @Value("${videolinks.demo-data.enabled:false}") boolean demo,
                  @Value("${videolinks.demo-data.password:demo}") String demoPassword) {
        this.users = users;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.settings = properties.firstOperator();
        this.environment = environment;
        this.demo = demo;
        this.demoPassword = demoPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (demo) {
            return;
        }
        refuseDemoPasswords();
        if (operatorExists()) {
            return;
        }
        String password = configuredPassword();
        if (password != null) {
            create(settings.username(), password);
            log.info("Created the first operator '{}' from videolinks.identity.first-operator", settings.username());
            return;
        }
        byte[] token = new byte[24];
        new SecureRandom().nextBytes(token);
        String value = Base64.getUrlEncoder().withoutPadding().encodeToString(token);
        setupTokenHash.set(sha256(value));
        log.warn("""
                No operator exists yet. Create the first one with this one-time setup token (printed once, valid until \
                used or the next start):
                  curl -X POST http://<host>/api/setup/first-operator -H 'Setup-Token: {}' \
                -d username=<name> -d password=<at least {} characters>""", value, MIN_PASSWORD_LENGTH);
    }

    /** Creates the first operator with the one-time setup token; false when the token is wrong or already used. */
    public synchronized boolean createWithSetupToken(String token, String username, String password) {
        byte[] expected = setupTokenHash.get();
        if (expected == null || token == null || !MessageDigest.isEqual(expected, sha256(token)) || operatorExists()) {
            return false;
        }
        create(username, password);
        setupTokenHash.set(null);
        log.info("Created the first operator '{}' with the one-time setup token", username);
        return true;
    }

    private void create(String username, String password) {
        if (password.length() < MIN_PASSWORD_LENGTH || password.equals(demoPassword)) {
            throw new IllegalStateException("the first operator's password must have at least " + MIN_PASSWORD_LENGTH
                    + " characters and not be the demo password");
        }
        users.create(username, password, Role.OPERATOR, null, null);
    }

    private boolean operatorExists() {
        return jdbc.sql("select count(*) from app_user where role = 'OPERATOR'").query(Long.class).single() > 0;
    }

    private String configuredPassword() {
        if (settings.password() != null && !settings.password().isBlank()) {
            return settings.password();
        }
        if (settings.passwordFile() != null) {
            try {
                return Files.readString(settings.passwordFile(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read videolinks.identity.first-operator.password-file "
                        + settings.passwordFile(), e);
            }
        }
        return null;
    }

    private void refuseDemoPasswords() {
        String camundaAdmin = environment.getProperty("camunda.bpm.admin-user.password");
        if ("admin".equals(camundaAdmin) || demoPassword.equals(camundaAdmin)) {
            throw new IllegalStateException("Refusing to start outside the demo: camunda.bpm.admin-user.password is a demo "
                    + "password. Remove camunda.bpm.admin-user (operators reach Cockpit with their own sign-in).");
        }
        List<AppUser> all = jdbc.sql("select username, password_hash, role from app_user")
                .query((rs, i) -> new AppUser(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), null, null)).list();
        for (AppUser user : all) {
            if (passwords.matches(demoPassword, user.passwordHash())) {
                throw new IllegalStateException("Refusing to start outside the demo: user '" + user.username()
                        + "' still has the demo password (a database from a demo run?). Start with the demo profile, "
                        + "or use a fresh database.");
            }
        }
    }

    private static byte[] sha256(String value) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
