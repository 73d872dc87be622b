package com.videolinks.security;

import java.util.Optional;

/**
 * Who owns a site, for {@link Access}: the site feature answers it from its own table (security sits below the
 * features that use it, so it asks through this door instead of reading their tables).
 */
public interface SiteOwners {

    /** The owner's username; empty when there is no such site. */
    Optional<String> ownerOf(long siteId);
}
