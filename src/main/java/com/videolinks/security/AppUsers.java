package com.videolinks.security;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

/** The users who can sign in, stored with bcrypt hashes. */
@Repository
public class AppUsers implements UserDetailsService {

    private static final String SELECT = """
            select username, password_hash, role, staff_id, customer_id
            from app_user where username = :username
            """;
    private static final String INSERT = """
            insert into app_user (username, password_hash, role, staff_id, customer_id)
            values (:username, :hash, :role, :staffId, :customerId)
            """;

    private final JdbcClient jdbc;
    private final PasswordEncoder passwords;

    AppUsers(JdbcClient jdbc, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.passwords = passwords;
    }

    public Optional<AppUser> find(String username) {
        return jdbc.sql(SELECT).param("username", username)
                .query((rs, i) -> new AppUser(rs.getString("username"), rs.getString("password_hash"),
                        Role.valueOf(rs.getString("role")), (Long) rs.getObject("staff_id", Long.class),
                        (Long) rs.getObject("customer_id", Long.class)))
                .optional();
    }

    /** Creates a user; the raw password is hashed here and never stored or logged. */
    public AppUser create(String username, String rawPassword, Role role, Long staffId, Long customerId) {
        String hash = passwords.encode(rawPassword);
        jdbc.sql(INSERT).param("username", username).param("hash", hash).param("role", role.name())
                .param("staffId", staffId).param("customerId", customerId).update();
        return new AppUser(username, hash, role, staffId, customerId);
    }

    /** The language the user chose for the pages (#12), if they chose one. */
    public Optional<java.util.Locale> locale(String username) {
        return jdbc.sql("select locale from app_user where username = :username").param("username", username)
                .query(String.class).optional().filter(tag -> tag != null && !tag.isBlank())
                .map(java.util.Locale::forLanguageTag);
    }

    public void changeLocale(String username, java.util.Locale locale) {
        jdbc.sql("update app_user set locale = :locale where username = :username").param("username", username)
                .param("locale", locale.toLanguageTag()).update();
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return find(username).orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }
}
