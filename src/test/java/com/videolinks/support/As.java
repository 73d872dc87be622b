package com.videolinks.support;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;

import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.context.support.WebApplicationContextUtils;

import com.videolinks.security.AppUsers;
import com.videolinks.security.LocalIssuer;

/**
 * The one place tests say who is calling: {@code mvc.perform(get(path).with(As.owner("mina")))}, or
 * {@code headers(h -> As.operator().applyTo(h, context))} for a real HTTP client. The call carries a bearer token the
 * service's own issuer made for that user (#9); the users are created with {@link #PASSWORD}. How a caller proves who
 * they are lives here only, which is why every factory names the role.
 */
public final class As implements RequestPostProcessor {

    /** The password test users are created with. */
    public static final String PASSWORD = "secret-pw";
    /** The operator {@link #operator()} signs in as; a test that uses it creates the user. */
    public static final String OPERATOR = "test-operator";

    private final String username;

    private As(String username) {
        this.username = username;
    }

    /** No credentials at all. */
    public static As anonymous() {
        return new As(null);
    }

    public static As operator() {
        return operator(OPERATOR);
    }

    public static As operator(String username) {
        return new As(username);
    }

    public static As owner(String username) {
        return new As(username);
    }

    public static As staff(String username) {
        return new As(username);
    }

    public static As customer(String username) {
        return new As(username);
    }

    public String username() {
        return username;
    }

    @Override
    public MockHttpServletRequest postProcessRequest(MockHttpServletRequest request) {
        if (username != null) {
            request.addHeader(HttpHeaders.AUTHORIZATION, authorization(
                    WebApplicationContextUtils.getRequiredWebApplicationContext(request.getServletContext())));
        }
        return request;
    }

    /** For real HTTP clients (RestClient, HttpClient): adds the credentials to the request's headers. */
    public void applyTo(HttpHeaders headers, ApplicationContext context) {
        if (username != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization(context));
        }
    }

    /** The Authorization header's value: a fresh bearer token of the service's own issuer for this user. */
    public String authorization(ApplicationContext context) {
        if (username == null) {
            throw new IllegalStateException("an anonymous request has no Authorization header");
        }
        var user = context.getBean(AppUsers.class).find(username)
                .orElseThrow(() -> new IllegalStateException("no user " + username + ": create it first"));
        return "Bearer " + context.getBean(LocalIssuer.class).issue(user).value();
    }

    /**
     * Signs in to the customer pages (My Bookings, member pages) the way a browser does, with the login form; the
     * answered session carries the sign-in. Anonymous: {@code null}.
     */
    public MockHttpSession signInToPages(MockMvc mvc) throws Exception {
        if (username == null) {
            return null;
        }
        return (MockHttpSession) mvc.perform(formLogin("/login").user(username).password(PASSWORD))
                .andReturn().getRequest().getSession(false);
    }

    @Override
    public String toString() {
        return username == null ? "anonymous" : username;
    }
}
