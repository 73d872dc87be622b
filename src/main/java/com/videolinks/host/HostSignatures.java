package com.videolinks.host;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.stereotype.Component;

/**
 * The host signs each delivery: {@code X-Host-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + "." + raw body))}
 * with the secret of the key named in {@code X-Host-Key}, {@code X-Host-Timestamp} in Unix seconds. The signature is
 * compared in constant time; a timestamp further than the tolerance from now is refused whatever its signature, so a
 * captured delivery cannot be replayed later.
 */
@Component
class HostSignatures {

    static final String KEY_HEADER = "X-Host-Key";
    static final String TIMESTAMP_HEADER = "X-Host-Timestamp";
    static final String SIGNATURE_HEADER = "X-Host-Signature";
    private static final String SCHEME = "sha256=";

    /** Why a delivery was refused; the message goes into the 401 and the log, never a secret or the body. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    private final HostProperties properties;
    private final Clock clock;

    HostSignatures(HostProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    /** The key that signed the body; throws {@link Refused} otherwise. */
    HostProperties.Key verify(String keyId, String timestamp, String signature, byte[] body) {
        if (keyId == null || timestamp == null || signature == null) {
            throw new Refused(KEY_HEADER + ", " + TIMESTAMP_HEADER + " and " + SIGNATURE_HEADER + " are required");
        }
        HostProperties.Key key = properties.key(keyId.strip())
                .orElseThrow(() -> new Refused(KEY_HEADER + " names no key configured on this service"));
        Instant sent;
        try {
            sent = Instant.ofEpochSecond(Long.parseLong(timestamp.strip()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            throw new Refused(TIMESTAMP_HEADER + " is not Unix seconds");
        }
        Duration tolerance = properties.timestampTolerance();
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new Refused(TIMESTAMP_HEADER + " is more than " + tolerance.toSeconds()
                    + " s away from now (stale or replayed delivery, or a clock out of sync)");
        }
        byte[] expected = (SCHEME + sign(key.secret(), timestamp.strip(), body)).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused(SIGNATURE_HEADER + " does not match the body (wrong secret, altered body or forged request)");
        }
        return key;
    }

    /** hex(HMAC-SHA256(secret, timestamp + "." + body)); what the host computes, for its SDK and tests. */
    static String sign(String secret, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }

    static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }
}
