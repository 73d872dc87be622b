package com.videolinks.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/** The DRL files that make up one version of the link policy, sorted by name, with a content hash. */
public record RuleSet(List<RuleFile> files) {

    public RuleSet {
        files = files.stream().sorted(Comparator.comparing(RuleFile::name)).toList();
    }

    /** SHA-256 over every file name and content: two rule sets with the same hash are the same policy. */
    public String hash() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (RuleFile file : files) {
                digest.update(file.name().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(file.content().getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
