package com.videolinks.pages;

import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.videolinks.common.Languages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The pages speak their reader's language: a customer's {@code locale}, an owner's, staff member's or operator's
 * chosen language, else the browser's (Korean when the browser names none). A page controller sets it on the
 * request; everything else (the API) keeps the request's own locale, as before.
 */
@Component("localeResolver")
public class PageLocale implements LocaleResolver {

    private static final String ATTRIBUTE = PageLocale.class.getName();

    /** A customer page: the customer's locale. */
    public static void use(HttpServletRequest request, Locale customerLocale) {
        request.setAttribute(ATTRIBUTE, Languages.forCustomer(customerLocale));
    }

    /** A dashboard page: the user's own choice if they made one, else the browser's. */
    public static void useUsers(HttpServletRequest request, Optional<Locale> chosen) {
        if (chosen.isPresent()) {
            use(request, chosen.get());
        } else {
            useBrowsers(request);
        }
    }

    /** Before sign-in: the browser's language if it asks for one, else Korean, the business's language. */
    public static void useBrowsers(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, request.getHeader("Accept-Language") == null ? Languages.KOREAN
                : Languages.forCustomer(request.getLocale()));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : request.getLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the page language follows the reader's locale");
    }
}
