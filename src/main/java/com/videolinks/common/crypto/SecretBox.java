package com.videolinks.common.crypto;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets for the database with AES-256-GCM: OAuth tokens, link passwords, PKCE verifiers.
 * A sealed value reads {@code enc:v1:<base64(nonce | ciphertext | tag)>}; the purpose is bound in as associated data,
 * so a token cannot be moved into a password column and still decrypt.
 */
public final class SecretBox {

    static final String PREFIX = "enc:v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();
    private final OpenedSecrets opened = new OpenedSecrets();

    public SecretBox(SecretKey key) {
        this.key = key;
    }

    /** The sealed form of {@code plaintext} (null stays null). */
    public String seal(String plaintext, String purpose) {
        if (plaintext == null) {
            return null;
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this JVM", e);
        }
    }

    /**
     * The plain text of a value sealed for {@code purpose} (null stays null). Never echoes the value on failure. Link
     * passwords and meeting passcodes already opened are answered from {@link OpenedSecrets}.
     */
    public String open(String sealed, String purpose) {
        if (sealed == null) {
            return null;
        }
        if (!isSealed(sealed)) {
            throw new SecretUnreadableException(purpose, "is stored unencrypted");
        }
        return opened.open(sealed, purpose, () -> decrypt(sealed, purpose));
    }

    /** How many opened values are remembered (tests). */
    long remembered() {
        return opened.size();
    }

    private String decrypt(String sealed, String purpose) {
        try {
            byte[] bytes = Base64.getDecoder().decode(sealed.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
            cipher.updateAAD(purpose.getBytes(StandardCharsets.UTF_8));
            byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
            return new String(plain, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            // no cause attached: some providers put input bytes in their messages
            throw new SecretUnreadableException(purpose,
                    "cannot be decrypted with the configured key (videolinks.secrets.key / key-file)");
        }
    }

    /**
     * A keyed digest (HMAC-SHA256 under a key derived for {@code purpose}, hex, 32 characters) of {@code value}: equal
     * values give equal digests, and nobody without the key can test guesses against it. For comparing secrets
     * (link passwords) without storing them.
     */
    public String digest(String value, String purpose) {
        try {
            javax.crypto.Mac derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(new javax.crypto.spec.SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            byte[] subkey = derive.doFinal(("digest:" + purpose).getBytes(StandardCharsets.UTF_8));
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(subkey, "HmacSHA256"));
            byte[] digest = mac.doFinal(String.valueOf(value).getBytes(StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 16);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    public static boolean isSealed(String value) {
        return value != null && value.startsWith(PREFIX);
    }
}
