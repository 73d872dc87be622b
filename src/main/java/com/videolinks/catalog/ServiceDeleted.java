package com.videolinks.catalog;

/** A service was deleted; published inside the deletion's transaction so its sessions are cancelled with it. */
public record ServiceDeleted(long serviceId, long siteId) {
}
