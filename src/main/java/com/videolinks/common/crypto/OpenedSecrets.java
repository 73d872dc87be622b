package com.videolinks.common.crypto;

import java.util.Set;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The plain text of sealed values already opened, by their exact sealed form and purpose, for the purposes a page shows
 * anyway (link passwords, meeting passcodes): every read of an account, service, session or meeting opened its
 * password again with AES-GCM (#13). A sealed value is authenticated and never changes: the same sealed text under the
 * same purpose and key always opens to the same plain text, so nothing here can go stale; a changed password is a
 * new sealed text (a fresh nonce), a tampered one is not in here and fails as before. Bounded; OAuth tokens and PKCE
 * verifiers are never kept.
 */
final class OpenedSecrets {

    static final int MAX_VALUES = 4_096;

    /** Purposes whose values the pages show to customers; the others stay sealed between uses. */
    static final Set<String> REMEMBERED = Set.of(SecretPurpose.LINK_PASSWORD, SecretPurpose.MEETING_PASSWORD);

    private record Sealed(String purpose, String value) {
    }

    private final Cache<Sealed, String> opened = Caffeine.newBuilder().maximumSize(MAX_VALUES).build();

    /** The remembered plain text of {@code sealed}, or {@code open}'s answer (remembered if the purpose allows). */
    String open(String sealed, String purpose, Supplier<String> open) {
        if (!REMEMBERED.contains(purpose)) {
            return open.get();
        }
        Sealed key = new Sealed(purpose, sealed);
        String known = opened.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // a value that does not open throws here and is not remembered
        String plain = open.get();
        opened.put(key, plain);
        return plain;
    }

    long size() {
        opened.cleanUp();
        return opened.estimatedSize();
    }
}
