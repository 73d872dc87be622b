package com.videolinks.policy.vocabulary;

/** A joinable video link: URL plus optional password and description (S3). The password never prints. */
public record Link(String url, String password, String description) {

    @Override
    public String toString() {
        return "Link[url=" + url + ", password=" + (password == null ? "none" : "****")
                + ", description=" + description + "]";
    }
}
