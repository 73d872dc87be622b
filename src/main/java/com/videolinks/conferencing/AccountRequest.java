package com.videolinks.conferencing;

import com.videolinks.common.InvalidInputException;
import com.videolinks.common.LinkInput;
import com.videolinks.policy.vocabulary.Provider;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Connect a custom link (S3, S8, S16): URL required, password and description optional. Zoom accounts connect
 * through Zoom's sign-in instead (OAuth: {@code POST .../zoom-authorization}), never by naming a Zoom user.
 */
record AccountRequest(@NotNull Provider provider, @Valid LinkInput link) {

    void checkMatchesProvider() {
        if (provider == Provider.ZOOM) {
            throw new InvalidInputException("provider", "Zoom accounts connect through Zoom's sign-in: "
                    + "POST /api/sites/{siteId}/default-account/zoom-authorization or "
                    + "/api/staff/{staffId}/account/zoom-authorization, then follow authorizeUrl (S8, S16)");
        }
        if (link == null) {
            throw new InvalidInputException("link", "is required for a custom link (S3)");
        }
    }
}
