package com.videolinks.common.crypto;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The key that encrypts secrets at rest: {@code key} (base64 of 32 bytes, e.g. from a secret manager) wins;
 * otherwise {@code key-file}, created with a new random key (mode 0600) on first start.
 */
@ConfigurationProperties("videolinks.secrets")
public record SecretsProperties(String key, @DefaultValue("data/secret.key") Path keyFile) {

    @Override
    public String toString() {
        return "SecretsProperties[key=" + (key == null || key.isBlank() ? "none" : "****") + ", keyFile=" + keyFile + "]";
    }
}
