package com.videolinks.dashboard;

import java.util.Comparator;
import java.util.Locale;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

import com.videolinks.common.ConflictException;
import com.videolinks.common.InvalidInputException;
import com.videolinks.pages.FormTokens;
import com.videolinks.pages.PageLocale;
import com.videolinks.security.Access;
import com.videolinks.security.AppUser;
import com.videolinks.security.AppUsers;
import com.videolinks.site.Site;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

/**
 * What every dashboard page does: who is signed in and in which language, the page header (business, sign-out),
 * one-time form tokens, and turning what the domain refused (Bean Validation of the API's request records,
 * InvalidInputException, ConflictException) into messages next to the field they concern.
 */
@Component
class DashboardPages {

    /** Issues one form token per call, for the forms of the page being rendered. */
    public record TokenIssuer(FormTokens tokens, HttpSession session) {
        public String next() {
            return tokens.issue(session);
        }
    }

    private final Access access;
    private final AppUsers users;
    private final FormTokens tokens;
    private final MessageSource messages;
    private final Validator validator;

    DashboardPages(Access access, AppUsers users, FormTokens tokens, MessageSource messages, Validator validator) {
        this.access = access;
        this.users = users;
        this.tokens = tokens;
        this.messages = messages;
        this.validator = validator;
    }

    /** The signed-in user; sets the page language (their choice, else the browser's) and the header's model. */
    AppUser open(HttpServletRequest request, Model model, Site site) {
        AppUser user = access.current();
        PageLocale.useUsers(request, users.locale(user.username()));
        model.addAttribute("user", user);
        model.addAttribute("site", site);
        model.addAttribute("tokens", new TokenIssuer(tokens, request.getSession()));
        model.addAttribute("path", request.getRequestURI());
        if (!model.containsAttribute("forms")) {
            model.addAttribute("forms", Forms.none());
        }
        return user;
    }

    /** The form as submitted: the named fields' values, to show them again if it is refused. */
    FormState submitted(String key, HttpServletRequest request, String... fields) {
        FormState form = new FormState(key);
        for (String field : fields) {
            form.value(field, request.getParameter(field));
        }
        return form;
    }

    /** False (with the message on the form) when this form was submitted already or is not from this session's page. */
    boolean firstSubmit(FormState form, HttpServletRequest request) {
        if (tokens.consume(request.getSession(), request.getParameter(FormTokens.FIELD))) {
            return true;
        }
        form.rejectForm(message("form.submittedTwice", "This form was already sent (or is out of date): nothing "
                + "was changed again. Check the page and send it again if needed."));
        return false;
    }

    /** Bean Validation of the API's own request record; every violation next to its field. */
    boolean valid(FormState form, Object request) {
        Set<? extends ConstraintViolation<?>> violations = validator.validate(request);
        // a blank required field says "required", not also "not a URL"
        Set<String> blank = new java.util.HashSet<>();
        violations.stream().filter(v -> constraint(v).equals("NotBlank")).forEach(v -> blank.add(field(v)));
        violations.stream().sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .filter(v -> !blank.contains(field(v)) || constraint(v).equals("NotBlank")).forEach(v -> {
            String field = field(v);
            String constraint = constraint(v);
            Object max = v.getConstraintDescriptor().getAttributes().get("max");
            form.reject(field, max == null ? message("violation." + constraint, v.getMessage())
                    : message("violation." + constraint, v.getMessage(), max));
        });
        return violations.isEmpty();
    }

    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
    }

    private static String constraint(ConstraintViolation<?> violation) {
        return violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
    }

    /** A refusal of the domain: next to the field it names, or on the form with the policy's reasons. */
    void refused(FormState form, RuntimeException e) {
        if (e instanceof InvalidInputException invalid) {
            form.reject(invalid.field(), invalid.getMessage());
        } else if (e instanceof ConflictException conflict) {
            form.rejectForm(message("conflict." + conflict.code(), conflict.getMessage()));
            conflict.reasons().forEach(reason -> form.rejectForm(message("conflict.reason", "Reason: {0}", reason)));
        } else {
            throw e;
        }
    }

    void rejectForm(FormState form, String code, String otherwise, Object... args) {
        form.rejectForm(message(code, otherwise, args));
    }

    void reject(FormState form, String field, String code, String otherwise, Object... args) {
        form.reject(field, message(code, otherwise, args));
    }

    String message(String code, String otherwise, Object... args) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(new DefaultMessageSourceResolvable(new String[] {code}, args, otherwise), locale);
    }

    Access access() {
        return access;
    }

    AppUsers users() {
        return users;
    }
}
