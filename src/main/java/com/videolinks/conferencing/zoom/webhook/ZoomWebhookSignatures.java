package com.videolinks.conferencing.zoom.webhook;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Zoom's webhook signatures: {@code x-zm-signature = v0=hex(HMAC-SHA256(secret token, "v0:{timestamp}:{body}"))},
 * and the URL-validation answer {@code hex(HMAC-SHA256(secret token, plainToken))}. A request older (or newer) than
 * the tolerance is refused whatever its signature, so a captured request cannot be replayed later.
 */
final class ZoomWebhookSignatures {

    /** Why a request was refused; the message goes into the 401 and the log, never the secret or body. */
    static final class Refused extends RuntimeException {

        Refused(String message) {
            super(message);
        }
    }

    private final String secretToken;
    private final Duration tolerance;
    private final Clock clock;

    ZoomWebhookSignatures(String secretToken, Duration tolerance, Clock clock) {
        this.secretToken = secretToken;
        this.tolerance = tolerance;
        this.clock = clock;
    }

    void verify(String timestamp, String signature, String body) {
        if (timestamp == null || signature == null) {
            throw new Refused("x-zm-request-timestamp and x-zm-signature are required");
        }
        Instant sent;
        try {
            long value = Long.parseLong(timestamp.strip());
            // Zoom sends seconds; accept milliseconds too rather than refusing a clock format
            sent = value > 100_000_000_000L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        } catch (NumberFormatException e) {
            throw new Refused("x-zm-request-timestamp is not a number");
        }
        if (Duration.between(sent, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new Refused("x-zm-request-timestamp is more than " + tolerance.toSeconds() + " s away from now (stale or replayed)");
        }
        String expected = "v0=" + hmacHex("v0:" + timestamp.strip() + ":" + body);
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                signature.strip().getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("x-zm-signature does not match the body (wrong secret token or forged request)");
        }
    }

    String hmacHex(String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secretToken.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always available", e);
        }
    }
}
