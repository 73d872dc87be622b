package com.videolinks.pages;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;

import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpSession;

/**
 * One-time tokens in the pages' forms: a form submitted twice (a double click, the browser's back button and
 * resubmit) is refused the second time and changes nothing. A session keeps its latest {@value #KEPT} tokens.
 */
@Component
public class FormTokens {

    /** The hidden field every changing form carries. */
    public static final String FIELD = "formToken";
    private static final String ATTRIBUTE = FormTokens.class.getName();
    private static final int KEPT = 64;

    /** A fresh token for one form on the page about to be rendered. */
    public String issue(HttpSession session) {
        String token = UUID.randomUUID().toString();
        synchronized (session.getId().intern()) {
            Deque<String> tokens = tokens(session);
            tokens.addLast(token);
            while (tokens.size() > KEPT) {
                tokens.removeFirst();
            }
            session.setAttribute(ATTRIBUTE, tokens);
        }
        return token;
    }

    /** True once per issued token; false for a token used already, unknown or missing. */
    public boolean consume(HttpSession session, String token) {
        if (token == null) {
            return false;
        }
        synchronized (session.getId().intern()) {
            Deque<String> tokens = tokens(session);
            boolean fresh = tokens.remove(token);
            session.setAttribute(ATTRIBUTE, tokens);
            return fresh;
        }
    }

    @SuppressWarnings("unchecked")
    private static Deque<String> tokens(HttpSession session) {
        return session.getAttribute(ATTRIBUTE) instanceof Deque<?> tokens ? (Deque<String>) tokens : new ArrayDeque<>();
    }
}
