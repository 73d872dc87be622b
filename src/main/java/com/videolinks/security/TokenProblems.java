package com.videolinks.security;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The API's 401 and 403 as problem details naming the reason ({@code code}). The challenge is
 * {@code WWW-Authenticate: Bearer}, never Basic: a browser must not cache credentials it would send cross-site.
 */
final class TokenProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final ObjectMapper json;

    TokenProblems(ObjectMapper json) {
        this.json = json;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        Reason reason = reason(e);
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean tokenSent = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenSent && reason.status == HttpStatus.UNAUTHORIZED
                ? "Bearer error=\"invalid_token\"" : "Bearer");
        write(request, response, reason.status, reason.code, reason.detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "your role may not do this");
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("code", code);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }

    record Reason(HttpStatus status, String code, String detail) {
    }

    static Reason reason(AuthenticationException e) {
        if (e instanceof TokenRefusedException refused) {
            return new Reason(refused.status(), refused.code(), refused.getMessage());
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof JwtValidationException invalid && !invalid.getErrors().isEmpty()) {
                var error = invalid.getErrors().iterator().next();
                return new Reason(HttpStatus.UNAUTHORIZED, error.getErrorCode().startsWith("token-") ? error.getErrorCode()
                        : "token-invalid", error.getDescription());
            }
        }
        if (!(e instanceof InvalidBearerTokenException) && !(e.getCause() instanceof org.springframework.security.oauth2.jwt.JwtException)) {
            return new Reason(HttpStatus.UNAUTHORIZED, "authentication-required",
                    "sign in first: send Authorization: Bearer <token> (POST /api/auth/token, or the host's token)");
        }
        String message = String.valueOf(e.getMessage());
        if (message.contains("Invalid issuer") || message.contains("Missing issuer")) {
            return new Reason(HttpStatus.UNAUTHORIZED, "token-wrong-issuer", "the token's issuer is not trusted here");
        }
        if (message.contains("Unsupported algorithm of none")) {
            return new Reason(HttpStatus.UNAUTHORIZED, "token-unsigned", "unsigned tokens (alg none) are refused");
        }
        if (message.contains("Signed JWT rejected") || message.contains("signature")) {
            return new Reason(HttpStatus.UNAUTHORIZED, "token-signature-rejected",
                    "the token's signature does not verify with a key and algorithm (RS256, ES256) its issuer publishes");
        }
        return new Reason(HttpStatus.UNAUTHORIZED, "token-malformed", "the bearer token cannot be read as a signed JWT");
    }
}
