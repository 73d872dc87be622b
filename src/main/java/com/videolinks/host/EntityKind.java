package com.videolinks.host;

/** What a host event is about; each has its own version stream per host id. */
enum EntityKind {
    /** plugin.installed / plugin.removed: the entity is the site itself */
    SITE_INSTALLATION,
    /** site.plan_changed: the site's paid plan, versioned apart from installation */
    SITE_PLAN,
    STAFF, SERVICE, SESSION, CUSTOMER, BOOKING;

    /** The key a pending event waiting for this entity names, e.g. {@code SESSION:site-1:ses-9}. */
    String key(String siteHostId, String entityHostId) {
        return this == SITE_INSTALLATION || this == SITE_PLAN ? "SITE:" + siteHostId
                : name() + ":" + siteHostId + ":" + entityHostId;
    }
}
