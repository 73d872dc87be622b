package com.videolinks.conferencing;

import com.videolinks.common.InvalidInputException;
import com.videolinks.common.LinkInput;
import com.videolinks.policy.vocabulary.Provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Connect a Zoom account (the Zoom user that will host meetings) or a custom link (S3, S8, S16).
 * Exactly one of {@code zoomUser} and {@code link} matches the provider.
 */
record AccountRequest(@NotNull Provider provider, @Email @Size(max = 120) String zoomUser, @Valid LinkInput link) {

    void checkMatchesProvider() {
        if (provider == Provider.ZOOM) {
            if (zoomUser == null || zoomUser.isBlank()) {
                throw new InvalidInputException("zoomUser", "is required to connect a Zoom account");
            }
            if (link != null) {
                throw new InvalidInputException("link", "must be empty for a Zoom account: Zoom creates a meeting per session (S5)");
            }
        } else {
            if (link == null) {
                throw new InvalidInputException("link", "is required for a custom link (S3)");
            }
            if (zoomUser != null) {
                throw new InvalidInputException("zoomUser", "must be empty for a custom link");
            }
        }
    }
}
