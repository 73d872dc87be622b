package com.videolinks.links;

import com.videolinks.policy.vocabulary.Link;

/**
 * A course's own link was set, edited or removed (S18, S19): every past and future session shows the new one.
 * A null link means none (the sessions fall back to the site's default). Published inside the change's
 * transaction; the course update-and-notify workflow notifies the customers (S19).
 */
public record CourseLinkChanged(long serviceId, int linkVersion, Link oldLink, Link newLink) {
}
