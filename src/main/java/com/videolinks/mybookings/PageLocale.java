package com.videolinks.mybookings;

import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

import com.videolinks.common.Languages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The customer pages speak the customer's language (their {@code locale}), not the browser's; a page controller
 * sets it on the request. Everything else (the API) keeps the request's own locale, as before.
 */
@Component("localeResolver")
class PageLocale implements LocaleResolver {

    private static final String ATTRIBUTE = PageLocale.class.getName();

    static void use(HttpServletRequest request, Locale customerLocale) {
        request.setAttribute(ATTRIBUTE, Languages.forCustomer(customerLocale));
    }

    /** Before sign-in: the browser's language if it asks for one, else Korean, the business's language. */
    static void useBrowsers(HttpServletRequest request) {
        request.setAttribute(ATTRIBUTE, request.getHeader("Accept-Language") == null ? Languages.KOREAN
                : Languages.forCustomer(request.getLocale()));
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return request.getAttribute(ATTRIBUTE) instanceof Locale locale ? locale : request.getLocale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the page language follows the customer's locale");
    }
}
