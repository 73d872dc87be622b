package com.videolinks.dashboard;

/** The forms of a page being rendered: every form is blank except the one that was just refused, if any. */
public final class Forms {

    private final FormState failed;

    private Forms(FormState failed) {
        this.failed = failed;
    }

    static Forms none() {
        return new Forms(null);
    }

    static Forms failed(FormState state) {
        return new Forms(state);
    }

    public FormState of(String key) {
        return failed != null && failed.key().equals(key) ? failed : new FormState(key);
    }
}
