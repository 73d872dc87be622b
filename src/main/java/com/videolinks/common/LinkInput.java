package com.videolinks.common;

import com.videolinks.policy.vocabulary.Link;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A link typed in by the business or staff (S3, S16): URL required, password and description optional. */
public record LinkInput(
        @NotBlank @WebLink String url,
        @Size(max = 100) String password,
        @Size(max = 500) String description) {

    public Link toLink() {
        return new Link(url.strip(), blankToNull(password), blankToNull(description));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "LinkInput[url=" + url + ", password=" + (password == null ? "none" : "****") + "]";
    }
}
