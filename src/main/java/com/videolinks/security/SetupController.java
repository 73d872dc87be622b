package com.videolinks.security;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.videolinks.common.InvalidInputException;

/** {@code POST /api/setup/first-operator} with the one-time {@code Setup-Token} printed at a start without operators. */
@RestController
class SetupController {

    private final FirstOperator firstOperator;

    SetupController(FirstOperator firstOperator) {
        this.firstOperator = firstOperator;
    }

    @PostMapping("/api/setup/first-operator")
    ResponseEntity<?> create(@RequestHeader(name = "Setup-Token", required = false) String token,
                             @RequestParam String username, @RequestParam String password) {
        if (!username.matches("[a-z0-9._-]{2,40}")) {
            throw new InvalidInputException("username", "2 to 40 of a-z, 0-9, '.', '_', '-'");
        }
        if (password.length() < FirstOperator.MIN_PASSWORD_LENGTH) {
            throw new InvalidInputException("password", "must have at least " + FirstOperator.MIN_PASSWORD_LENGTH + " characters");
        }
        if (!firstOperator.createWithSetupToken(token, username, password)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                    "the setup token is wrong or already used, or an operator exists");
            problem.setProperty("code", "setup-token-refused");
            return ResponseEntity.status(HttpStatus.FORBIDDEN).body(problem);
        }
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", username, "role", Role.OPERATOR.name()));
    }
}
