package com.videolinks.common;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * Accepts only links that are safe to put in front of a customer: absolute http/https with a host, no
 * embedded credentials, no whitespace or control characters. {@code javascript:} and {@code data:} fail the
 * scheme check.
 */
public class WebLinkValidator implements ConstraintValidator<WebLink, String> {

    public static final int MAX_LENGTH = 2048;

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || problem(value) == null;
    }

    /** Why {@code value} is not a safe link, or null when it is. */
    public static String problem(String value) {
        if (value.length() > MAX_LENGTH) {
            return "must be at most " + MAX_LENGTH + " characters";
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c)) {
                return "must not contain spaces or control characters";
            }
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            return "is not a valid URL";
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "must be an absolute http or https URL";
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            return "must name a host";
        }
        if (uri.getRawUserInfo() != null) {
            return "must not contain a user name or password before the host";
        }
        return null;
    }
}
