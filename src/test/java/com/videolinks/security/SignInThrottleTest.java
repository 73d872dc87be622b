package com.videolinks.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import com.videolinks.support.Api;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Sign-in resists guessing (#9): wrong passwords lock one user, or one client, for a while; metric and log line. */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
class SignInThrottleTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    AppUsers users;
    @Autowired
    MeterRegistry meters;

    @Test
    void fiveWrongPasswordsLockTheUserEvenForTheRightOneWhileOthersStillSignIn(CapturedOutput log) throws Exception {
        String victim = user();
        String bystander = user();
        double lockedBefore = meters.counter("videolinks.signin.attempts", "outcome", "locked").count();
        for (int i = 0; i < 5; i++) {
            signIn(victim, "guess-" + i, "198.51.100." + i).andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.code").value("sign-in-failed"));
        }
        signIn(victim, Api.PASSWORD, "198.51.100.99").andExpect(status().isTooManyRequests())
                .andExpect(jsonPath("$.code").value("sign-in-locked")).andExpect(header().exists("Retry-After"));
        signIn(bystander, Api.PASSWORD, "198.51.100.99").andExpect(status().isOk());

        assertThat(meters.counter("videolinks.signin.attempts", "outcome", "locked").count()).isGreaterThan(lockedBefore);
        assertThat(log.getOut()).contains("Sign-in of user '" + victim + "' locked for PT5M after 5 wrong passwords in a row");
    }

    @Test
    void twentyWrongPasswordsFromOneClientLockThatClientOnly(CapturedOutput log) throws Exception {
        String client = "203.0.113." + (int) (Math.random() * 200 + 1);
        for (int i = 0; i < 20; i++) {
            signIn("nobody-" + UUID.randomUUID(), "guess", client).andExpect(status().isUnauthorized());
        }
        String someone = user();
        signIn(someone, Api.PASSWORD, client).andExpect(status().isTooManyRequests());
        signIn(someone, Api.PASSWORD, "192.0.2.1").andExpect(status().isOk());
        assertThat(log.getOut()).contains("Sign-in from client " + client + " locked");
    }

    @Test
    void aLockEndsAfterTheLockPeriodAndASuccessStartsTheCountAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
        SignInThrottle throttle = new SignInThrottle(new IdentityProperties(null, null,
                new IdentityProperties.Throttle(3, 10, Duration.ofMinutes(5)), null), clock, new SimpleMeterRegistry());
        for (int i = 0; i < 3; i++) {
            throttle.failed("mina", "10.0.0.1");
        }
        assertThat(throttle.lockedFor("mina", "10.0.0.2")).isEqualTo(Duration.ofMinutes(5));
        clock.now = clock.now.plus(Duration.ofMinutes(4));
        assertThat(throttle.lockedFor("mina", "10.0.0.2")).isEqualTo(Duration.ofMinutes(1));
        clock.now = clock.now.plus(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(throttle.lockedFor("mina", "10.0.0.2")).isZero();

        throttle.failed("mina", "10.0.0.1");
        throttle.failed("mina", "10.0.0.1");
        throttle.succeeded("mina", "10.0.0.1");
        throttle.failed("mina", "10.0.0.1");
        assertThat(throttle.lockedFor("mina", "10.0.0.1")).isZero();
    }

    private String user() {
        String name = "throttle-" + UUID.randomUUID().toString().substring(0, 8);
        users.create(name, Api.PASSWORD, Role.CUSTOMER, null, null);
        return name;
    }

    private ResultActions signIn(String username, String password, String client) throws Exception {
        return mvc.perform(post("/api/auth/token").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .param("username", username).param("password", password)
                .with(request -> {
                    request.setRemoteAddr(client);
                    return request;
                }));
    }

    static final class MutableClock extends Clock {
        Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
