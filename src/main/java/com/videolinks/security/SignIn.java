package com.videolinks.security;

import java.time.Duration;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Checks a local user's password: the only place a password is hashed on the way in, when a token or a browser
 * session is issued (never per API request). Throttled by {@link SignInThrottle}.
 */
@Component
public class SignIn {

    private final AppUsers users;
    private final PasswordEncoder passwords;
    private final SignInThrottle throttle;
    /** Made on the first sign-in, not at start: one bcrypt is ~0.1–0.2 s of a start-up's CPU (#15). */
    private volatile String unknownUserHash;

    SignIn(AppUsers users, PasswordEncoder passwords, SignInThrottle throttle) {
        this.users = users;
        this.passwords = passwords;
        this.throttle = throttle;
    }

    /** The user, without their password hash; {@link Locked} while throttled, BadCredentialsException when wrong. */
    public AppUser verify(String username, String password, String client) {
        Duration locked = throttle.lockedFor(username, client);
        if (!locked.isZero()) {
            throw new Locked(locked);
        }
        AppUser user = username == null ? null : users.find(username.strip()).orElse(null);
        boolean matches = passwords.matches(password == null ? "" : password,
                user == null ? unknownUserHash() : user.passwordHash());
        if (user == null || !matches) {
            throttle.failed(username, client);
            throw new BadCredentialsException("wrong username or password");
        }
        throttle.succeeded(username, client);
        return user.withoutPassword();
    }

    /** An unknown user costs the same bcrypt as a known one, so response times do not tell which names exist. */
    private String unknownUserHash() {
        String hash = unknownUserHash;
        if (hash == null) {
            synchronized (this) {
                hash = unknownUserHash;
                if (hash == null) {
                    hash = passwords.encode("no user has this password " + System.nanoTime());
                    unknownUserHash = hash;
                }
            }
        }
        return hash;
    }

    /** Too many wrong passwords: try again after {@code retryAfter}. */
    public static final class Locked extends LockedException {
        private final Duration retryAfter;

        Locked(Duration retryAfter) {
            super("too many wrong passwords: sign-in is locked for " + Math.max(1, retryAfter.toSeconds()) + " s");
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }
    }
}
