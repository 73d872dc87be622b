package com.videolinks.common;

import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Set;

/**
 * The languages customer-facing text is written in: Korean, the language of the seed's business, and English for
 * every other customer (a customer with locale {@code fr} reads English rather than Korean).
 */
public final class Languages {

    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    private static final Set<String> KNOWN = Set.of(Locale.getISOLanguages());

    public static Locale forCustomer(Locale locale) {
        return locale != null && KOREAN.getLanguage().equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }

    /**
     * A language someone chose (a tag such as {@code ko}, {@code en-GB}): null when {@code tag} is null or blank;
     * a tag that is not well-formed or whose language is not an ISO 639 language is refused, naming {@code field}.
     */
    public static Locale chosen(String tag, String field) {
        if (tag == null || tag.isBlank()) {
            return null;
        }
        Locale locale;
        try {
            locale = new Locale.Builder().setLanguageTag(tag.strip()).build();
        } catch (IllformedLocaleException e) {
            throw new InvalidInputException(field, "is not a language tag such as ko or en");
        }
        if (!KNOWN.contains(locale.getLanguage())) {
            throw new InvalidInputException(field, "names no known language; use a tag such as ko or en");
        }
        return locale;
    }
}
