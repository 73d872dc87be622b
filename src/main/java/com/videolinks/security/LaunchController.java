package com.videolinks.security;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.authentication.AuthenticationManagerResolver;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import com.videolinks.common.InvalidInputException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The host's launch URL: {@code GET /launch?token=<host token>&to=/my-bookings} verifies the token on the same
 * resource-server path as the API, starts a browser session for the user it names (a fresh session id) and sends the
 * browser to the page, already signed in — as host-embedded apps open.
 */
@Controller
class LaunchController {

    private final AuthenticationManagerResolver<HttpServletRequest> tokens;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    LaunchController(AuthenticationManagerResolver<HttpServletRequest> tokens) {
        this.tokens = tokens;
    }

    @GetMapping("/launch")
    String launch(@RequestParam String token, @RequestParam(defaultValue = "/my-bookings") String to,
                  HttpServletRequest request, HttpServletResponse response) {
        if (!to.startsWith("/") || to.startsWith("//") || to.contains("\\") || !(to.startsWith("/my-bookings")
                || to.startsWith("/member/") || to.startsWith("/dashboard") || to.startsWith("/camunda/app/"))) {
            throw new InvalidInputException("to", "must be a page of this service (/my-bookings, /member/..., /dashboard/..., /camunda/app/...)");
        }
        Authentication signedIn = tokens.resolve(request).authenticate(new BearerTokenAuthenticationToken(token));
        request.getSession(true);
        request.changeSessionId();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(signedIn);
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
        return "redirect:" + to;
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> refused(AuthenticationException e) {
        TokenProblems.Reason reason = TokenProblems.reason(e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(reason.status(), reason.detail());
        problem.setProperty("code", reason.code());
        return ResponseEntity.status(reason.status()).body(problem);
    }
}
