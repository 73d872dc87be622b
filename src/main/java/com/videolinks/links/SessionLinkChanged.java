package com.videolinks.links;

import com.videolinks.policy.vocabulary.Link;

/**
 * A session's link was added, removed or restored by hand and what the session shows changed (S11, S20).
 * {@code oldLink} is the link it showed before (null if none); published inside the change's transaction.
 */
public record SessionLinkChanged(long sessionId, int linkVersion, Link oldLink) {
}
