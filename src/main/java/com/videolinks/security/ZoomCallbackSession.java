package com.videolinks.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.DeferredSecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one API path a browser opens by itself: Zoom's OAuth redirect ({@code GET /api/zoom/oauth/callback}) carries no
 * bearer token, so it may also use the browser session of the user who started the sign-in. It is a GET whose
 * one-time {@code state} is bound to that user (and PKCE to the start), so a forged request connects nothing.
 * Every other API request ignores the session.
 */
final class ZoomCallbackSession implements SecurityContextRepository {

    private static final RequestMatcher CALLBACK = new AntPathRequestMatcher("/api/zoom/oauth/callback", "GET");

    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    @Override
    @SuppressWarnings("deprecation")
    public SecurityContext loadContext(org.springframework.security.web.context.HttpRequestResponseHolder holder) {
        return CALLBACK.matches(holder.getRequest()) ? sessions.loadContext(holder) : SecurityContextHolder.createEmptyContext();
    }

    @Override
    public DeferredSecurityContext loadDeferredContext(HttpServletRequest request) {
        if (CALLBACK.matches(request)) {
            return sessions.loadDeferredContext(request);
        }
        return new DeferredSecurityContext() {
            @Override
            public SecurityContext get() {
                return SecurityContextHolder.createEmptyContext();
            }

            @Override
            public boolean isGenerated() {
                return true;
            }
        };
    }

    @Override
    public void saveContext(SecurityContext context, HttpServletRequest request, HttpServletResponse response) {
        // never writes a session: the API is stateless
    }

    @Override
    public boolean containsContext(HttpServletRequest request) {
        return CALLBACK.matches(request) && sessions.containsContext(request);
    }
}
