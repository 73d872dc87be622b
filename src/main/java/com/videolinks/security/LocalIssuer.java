package com.videolinks.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;

/**
 * The service as issuer of its own users' tokens (demo users, operators): an RS256 key of its own, kept in
 * {@code videolinks.identity.local.key-file} (created on first start, mode 0600), its public half published at
 * {@code /.well-known/jwks.json}. Its tokens go through the same resource-server path as the host's.
 */
@Component
public class LocalIssuer {

    public static final String ROLE_CLAIM = "role";
    public static final String STAFF_CLAIM = "staff_id";
    public static final String CUSTOMER_CLAIM = "customer_id";

    private static final Logger log = LoggerFactory.getLogger(LocalIssuer.class);

    private final IdentityProperties.Local settings;
    private final Clock clock;
    private final RSAKey key;
    private final NimbusJwtEncoder encoder;

    LocalIssuer(IdentityProperties properties, Clock clock) {
        this.settings = properties.local();
        this.clock = clock;
        this.key = loadOrCreate(settings.keyFile());
        this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    }

    /** A short-lived token for a user who has just proved who they are. */
    public IssuedToken issue(AppUser user) {
        Instant now = clock.instant();
        Instant expires = now.plus(settings.tokenTtl());
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(settings.issuer()).audience(java.util.List.of(settings.audience()))
                .subject(user.username()).issuedAt(now).notBefore(now).expiresAt(expires).id(UUID.randomUUID().toString())
                .claim(ROLE_CLAIM, user.role().name());
        if (user.staffId() != null) {
            claims.claim(STAFF_CLAIM, user.staffId());
        }
        if (user.customerId() != null) {
            claims.claim(CUSTOMER_CLAIM, user.customerId());
        }
        JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, expires, settings.tokenTtl().toSeconds());
    }

    /** The public keys, as a JWK set. */
    public Map<String, Object> publicKeys() {
        return new JWKSet(key.toPublicJWK()).toJSONObject();
    }

    /** A decoder of this issuer's tokens (signature only; the caller adds the claim checks). */
    public JwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey()).signatureAlgorithm(SignatureAlgorithm.RS256).build();
        } catch (JOSEException e) {
            throw new IllegalStateException("the local issuer's key is not an RSA key", e);
        }
    }

    public String issuer() {
        return settings.issuer();
    }

    public String audience() {
        return settings.audience();
    }

    /** A token and when it expires. */
    public record IssuedToken(String value, Instant expiresAt, long expiresInSeconds) {
    }

    private static RSAKey loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            RSAKey created = new RSAKeyGenerator(2048).keyUse(KeyUse.SIGNATURE).keyID(UUID.randomUUID().toString()).generate();
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path temp = Files.createTempFile(dir, "issuer-key", ".tmp");
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the folder's permissions apply
            }
            Files.writeString(temp, created.toJSONString(), StandardCharsets.UTF_8);
            try {
                Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException raced) {
                Files.deleteIfExists(temp);
                return RSAKey.parse(Files.readString(file, StandardCharsets.UTF_8));
            }
            log.info("Created the signing key of this service's own tokens in {} (back it up with the database)", file);
            return created;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the token signing key " + file, e);
        } catch (ParseException | JOSEException e) {
            throw new IllegalStateException("the token signing key " + file + " is not a valid RSA JWK", e);
        }
    }
}
