package com.videolinks.common.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Loads (or on first start creates) the key of {@link SecretBox}. The key itself is never logged. */
@Configuration
@EnableConfigurationProperties(SecretsProperties.class)
class SecretsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecretsConfiguration.class);
    private static final int KEY_BYTES = 32;

    @Bean
    SecretBox secretBox(SecretsProperties properties) {
        return new SecretBox(key(properties));
    }

    static SecretKey key(SecretsProperties properties) {
        if (properties.key() != null && !properties.key().isBlank()) {
            return decode(properties.key().strip(), "videolinks.secrets.key");
        }
        Path file = properties.keyFile().toAbsolutePath().normalize();
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the secrets key file " + file
                    + "; set videolinks.secrets.key-file to a writable path or videolinks.secrets.key", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(key);
        Files.createDirectories(file.getParent());
        try {
            if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException raced) {
            return; // another process created it first: use theirs
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII,
                StandardOpenOption.TRUNCATE_EXISTING);
        log.warn("Created a new key for secrets at rest in {} (mode 0600). Back it up together with the database: "
                + "without it stored Zoom tokens and link passwords cannot be read", file);
    }

    private static SecretKey decode(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The secrets key in " + source + " is not base64");
        }
        if (bytes.length != KEY_BYTES) {
            throw new IllegalStateException("The secrets key in " + source + " must be " + KEY_BYTES
                    + " bytes (AES-256), base64-encoded; it has " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
