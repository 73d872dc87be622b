package com.videolinks.common.crypto;

/** A stored secret that cannot be decrypted (wrong key, tampered row). The message names the kind of secret, never its value. */
public class SecretUnreadableException extends RuntimeException {

    public SecretUnreadableException(String purpose, String problem) {
        super("A stored secret (" + purpose + ") " + problem);
    }
}
