package com.videolinks.security;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;

/**
 * A verified token we still cannot act on: a claim missing or malformed (401), or naming a site, staff member or
 * customer of the host we do not know (403, docs/adr-006-host-identity.md). {@code code} is the problem's code.
 */
public class TokenRefusedException extends AuthenticationException {

    private final String code;
    private final HttpStatus status;

    TokenRefusedException(HttpStatus status, String code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public static TokenRefusedException claim(String code, String message) {
        return new TokenRefusedException(HttpStatus.UNAUTHORIZED, code, message);
    }

    public static TokenRefusedException unknown(String code, String message) {
        return new TokenRefusedException(HttpStatus.FORBIDDEN, code, message);
    }

    public static TokenRefusedException unavailable(String code, String message) {
        return new TokenRefusedException(HttpStatus.SERVICE_UNAVAILABLE, code, message);
    }

    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }
}
