package com.videolinks.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One submitted form of a page: what was typed (shown again) and what is wrong with it, per field and for the form
 * as a whole, already in the reader's language. A page renders every form from {@link Forms#of}; only the form
 * that failed carries values and errors.
 */
public final class FormState {

    private final String key;
    private final Map<String, String> values = new LinkedHashMap<>();
    private final Map<String, List<String>> fieldErrors = new LinkedHashMap<>();
    private final List<String> globalErrors = new ArrayList<>();

    FormState(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String value(String field) {
        return values.get(field);
    }

    public String value(String field, Object otherwise) {
        return values.containsKey(field) ? values.get(field) : otherwise == null ? null : otherwise.toString();
    }

    public List<String> errors(String field) {
        return fieldErrors.getOrDefault(field, List.of());
    }

    public boolean invalid(String field) {
        return fieldErrors.containsKey(field);
    }

    public List<String> global() {
        return globalErrors;
    }

    public boolean hasErrors() {
        return !fieldErrors.isEmpty() || !globalErrors.isEmpty();
    }

    FormState value(String field, String value) {
        values.put(field, value);
        return this;
    }

    void reject(String field, String message) {
        fieldErrors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }

    void rejectForm(String message) {
        globalErrors.add(message);
    }
}
