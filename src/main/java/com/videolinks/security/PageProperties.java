package com.videolinks.security;

import java.util.List;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the server-rendered pages. {@code frameAncestors}: who may embed them in a frame (the CSP
 * {@code frame-ancestors} sources, e.g. {@code https://dashboard.host.example}); {@code 'none'} by default.
 */
@ConfigurationProperties("videolinks.pages")
public record PageProperties(@DefaultValue("'none'") List<String> frameAncestors) {

    // a CSP source: scheme, host (wildcards allowed), port, or one of the quoted keywords; nothing that ends the directive
    private static final Pattern SOURCE = Pattern.compile("'none'|'self'|[a-z][a-z0-9+.-]*:(//[A-Za-z0-9*.:-]+)?|(https?://)?[A-Za-z0-9*.-]+(:[0-9*]+)?");

    public PageProperties {
        frameAncestors = List.copyOf(frameAncestors);
        for (String source : frameAncestors) {
            if (!SOURCE.matcher(source).matches()) {
                throw new IllegalArgumentException("videolinks.pages.frame-ancestors: '" + source
                        + "' is not a CSP source such as https://dashboard.example.com or 'self'");
            }
        }
        if (frameAncestors.isEmpty() || (frameAncestors.size() > 1 && frameAncestors.contains("'none'"))) {
            throw new IllegalArgumentException("videolinks.pages.frame-ancestors: either 'none' alone or the hosts allowed to embed the pages");
        }
    }

    /** The pages load nothing from elsewhere and run no script; links they show open in a new tab. */
    public String contentSecurityPolicy() {
        return "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors "
                + String.join(" ", frameAncestors) + "; base-uri 'none'";
    }

    public boolean embeddable() {
        return !frameAncestors.equals(List.of("'none'"));
    }
}
