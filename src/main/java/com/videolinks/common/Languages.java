package com.videolinks.common;

import java.util.Locale;

/**
 * The languages customer-facing text is written in: Korean, the language of the seed's business, and English for
 * every other customer (a customer with locale {@code fr} reads English rather than Korean).
 */
public final class Languages {

    public static final Locale KOREAN = Locale.KOREAN;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private Languages() {
    }

    public static Locale forCustomer(Locale locale) {
        return locale != null && KOREAN.getLanguage().equals(locale.getLanguage()) ? KOREAN : ENGLISH;
    }
}
