package com.videolinks.policy.versions;

import java.time.Instant;

/** The rules folder content (by hash) the service last saw, when and where: what a restart compares its folder with. */
public record FolderSeen(String hash, Instant seenAt, String seenBy) {
}
