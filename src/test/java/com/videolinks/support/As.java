package com.videolinks.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The one place tests say who is calling: {@code mvc.perform(get(path).with(As.owner("mina")))}, or
 * {@code headers(As.operator()::applyTo)} for a real HTTP client. Today it signs in with HTTP Basic (users created
 * with {@link #PASSWORD}); when the host's bearer tokens replace Basic (#9), only this class changes — which is why
 * every factory names the role.
 */
public final class As implements RequestPostProcessor {

    /** The password test users are created with. */
    public static final String PASSWORD = "secret-pw";
    /** The operator {@link #operator()} signs in as; a test that uses it creates the user (e.g. StudioFixture). */
    public static final String OPERATOR = "test-operator";

    private final String username;
    private final String password;

    private As(String username, String password) {
        this.username = username;
        this.password = password;
    }

    /** No credentials at all. */
    public static As anonymous() {
        return new As(null, null);
    }

    public static As operator() {
        return operator(OPERATOR);
    }

    public static As operator(String username) {
        return new As(username, PASSWORD);
    }

    public static As owner(String username) {
        return new As(username, PASSWORD);
    }

    public static As staff(String username) {
        return new As(username, PASSWORD);
    }

    public static As customer(String username) {
        return new As(username, PASSWORD);
    }

    /** The same user with another password: the demo users of the README sign in with "demo", or a wrong one. */
    public As withPassword(String other) {
        return new As(username, other);
    }

    public String username() {
        return username;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        return username == null ? request : httpBasic(username, password).postProcessRequest(request);
    }

    /**
     * Signs in to the customer pages (My Bookings, member pages) the way a browser does, with the login form; the
     * answered session carries the sign-in. Anonymous: {@code null}.
     */
    public MockHttpSession signInToPages(MockMvc mvc) throws Exception {
        if (username == null) {
            return null;
        }
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(password))
                .andReturn().getRequest().getSession(false);
    }

    /** For real HTTP clients (RestClient, HttpClient): adds the credentials to the request's headers. */
    public void applyTo(HttpHeaders headers) {
        if (username != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization());
        }
    }

    /** The Authorization header's value, e.g. for a raw HTTP client. */
    public String authorization() {
        if (username == null) {
            throw new IllegalStateException("an anonymous request has no Authorization header");
        }
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return username == null ? "anonymous" : username;
    }
}
