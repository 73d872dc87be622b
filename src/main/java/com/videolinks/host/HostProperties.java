package com.videolinks.host;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The host platform's events: the keys it signs them with, how fresh a signature must be, how large a body may be,
 * how long an event may wait for its parent before it is FAILED, and the grace period before a removed site's
 * personal data is erased.
 */
@ConfigurationProperties("videolinks.host")
record HostProperties(@DefaultValue("true") boolean plansFromHost,
                      List<Key> keys,
                      @DefaultValue("5m") Duration timestampTolerance,
                      @DefaultValue("1MB") DataSize maxBodySize,
                      @DefaultValue("1h") Duration pendingFailsAfter,
                      @DefaultValue("30s") Duration retryPendingEvery,
                      @DefaultValue("48h") Duration eraseAfter) {

    /** One signing key: its id (sent in {@code X-Host-Key}) and the shared secret. */
    record Key(String id, String secret) {

        @Override
        public String toString() {
            return "Key[" + id + "]";
        }
    }

    HostProperties {
        keys = keys == null ? List.of()
                : keys.stream().filter(k -> k.id() != null && !k.id().isBlank() && k.secret() != null
                        && !k.secret().isBlank()).toList();
    }

    Optional<Key> key(String id) {
        return keys.stream().filter(k -> k.id().equals(id)).findFirst();
    }
}
