package com.videolinks.security;

import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The service's own issuer: {@code POST /api/auth/token} (form fields {@code username}, {@code password}) answers a
 * short-lived bearer token for a local user (JSON, or the bare token with {@code Accept: text/plain}); the public keys
 * that verify it are at {@code /.well-known/jwks.json}.
 */
@RestController
class TokenController {

    private final SignIn signIn;
    private final LocalIssuer issuer;

    TokenController(SignIn signIn, LocalIssuer issuer) {
        this.signIn = signIn;
        this.issuer = issuer;
    }

    @PostMapping(path = "/api/auth/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
    ResponseEntity<?> token(@RequestParam String username, @RequestParam String password,
                            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
                            HttpServletRequest request) {
        AppUser user = signIn.verify(username, password, request.getRemoteAddr());
        LocalIssuer.IssuedToken token = issuer.issue(user);
        if (accept != null && accept.contains(MediaType.TEXT_PLAIN_VALUE) && !accept.contains(MediaType.APPLICATION_JSON_VALUE)) {
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(token.value());
        }
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(Map.of("access_token", token.value(),
                "token_type", "Bearer", "expires_in", token.expiresInSeconds()));
    }

    @GetMapping("/.well-known/jwks.json")
    Map<String, Object> keys() {
        return issuer.publicKeys();
    }

    @ExceptionHandler(SignIn.Locked.class)
    ResponseEntity<ProblemDetail> locked(SignIn.Locked e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        problem.setProperty("code", "sign-in-locked");
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, e.retryAfter().toSeconds()))).body(problem);
    }

    @ExceptionHandler(BadCredentialsException.class)
    ProblemDetail wrong(BadCredentialsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setProperty("code", "sign-in-failed");
        return problem;
    }
}
