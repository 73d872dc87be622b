package com.videolinks.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AES-GCM for secrets at rest: round trip, purpose binding, tamper detection, the local key file (#4). */
class SecretBoxTest {

    @TempDir
    Path dir;

    @Test
    void aSealedSecretOpensToItselfAndDoesNotShowThePlainText() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));

        String sealed = box.seal("namaste-password", SecretPurpose.LINK_PASSWORD);

        assertThat(sealed).startsWith("enc:v1:").doesNotContain("namaste");
        assertThat(box.open(sealed, SecretPurpose.LINK_PASSWORD)).isEqualTo("namaste-password");
        assertThat(box.seal("namaste-password", SecretPurpose.LINK_PASSWORD)).as("a fresh nonce every time").isNotEqualTo(sealed);
        assertThat(box.seal(null, SecretPurpose.LINK_PASSWORD)).isNull();
    }

    @Test
    void aSecretSealedForOnePurposeDoesNotOpenAsAnother() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));
        String token = box.seal("a-token", SecretPurpose.ZOOM_ACCESS_TOKEN);

        assertThatThrownBy(() -> box.open(token, SecretPurpose.LINK_PASSWORD)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining("a-token");
    }

    @Test
    void aTamperedValueOrAnotherKeyIsRefusedWithoutEchoingTheValue() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k1"))));
        SecretBox other = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k2"))));
        String sealed = box.seal("secret", SecretPurpose.LINK_PASSWORD);
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        bytes[bytes.length - 1] ^= 1; // one bit of the authentication tag
        String tampered = "enc:v1:" + java.util.Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, SecretPurpose.LINK_PASSWORD)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> other.open(sealed, SecretPurpose.LINK_PASSWORD)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageContaining("configured key");
        assertThatThrownBy(() -> box.open("plain", SecretPurpose.LINK_PASSWORD)).isInstanceOf(SecretUnreadableException.class)
                .hasMessageNotContaining("plain");
    }

    @Test
    void theEmbeddedDefaultCreatesAPrivateKeyFileOnFirstStartAndReusesIt() throws Exception {
        Path file = dir.resolve("data/secret.key");
        SecretBox first = new SecretBox(SecretsConfiguration.key(new SecretsProperties("", file)));

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        SecretBox afterRestart = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, file)));
        assertThat(afterRestart.open(first.seal("x", "p"), "p")).isEqualTo("x");
    }

    @Test
    void aConfiguredKeyWinsOverTheKeyFileAndMustBe256Bits() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        SecretsConfiguration.key(new SecretsProperties(key, dir.resolve("never")));
        assertThat(dir.resolve("never")).doesNotExist();
        assertThatThrownBy(() -> SecretsConfiguration.key(new SecretsProperties("c2hvcnQ=", dir.resolve("never"))))
                .hasMessageContaining("32 bytes").hasMessageNotContaining("c2hvcnQ=");
    }

    // #13: link passwords are opened on every page; what was opened once is remembered by its exact sealed text

    @Test
    void anOpenedLinkPasswordIsRememberedAndStillOpensToItself() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));
        String sealed = box.seal("namaste", SecretPurpose.LINK_PASSWORD);

        assertThat(box.open(sealed, SecretPurpose.LINK_PASSWORD)).isEqualTo("namaste");
        assertThat(box.open(sealed, SecretPurpose.LINK_PASSWORD)).isEqualTo("namaste");
        assertThat(box.remembered()).isEqualTo(1);
        String passcode = box.seal("412903", SecretPurpose.MEETING_PASSWORD);
        assertThat(box.open(passcode, SecretPurpose.MEETING_PASSWORD)).isEqualTo("412903");
        assertThat(box.remembered()).isEqualTo(2);
    }

    @Test
    void aChangedPasswordIsANewSealedTextAndNeverAnsweredWithTheOldOne() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));
        String before = box.seal("old-password", SecretPurpose.LINK_PASSWORD);
        assertThat(box.open(before, SecretPurpose.LINK_PASSWORD)).isEqualTo("old-password");

        String after = box.seal("new-password", SecretPurpose.LINK_PASSWORD);
        String sameTextAgain = box.seal("old-password", SecretPurpose.LINK_PASSWORD);

        assertThat(box.open(after, SecretPurpose.LINK_PASSWORD)).isEqualTo("new-password");
        assertThat(box.open(sameTextAgain, SecretPurpose.LINK_PASSWORD)).isEqualTo("old-password");
        assertThat(box.open(before, SecretPurpose.LINK_PASSWORD)).isEqualTo("old-password");
    }

    @Test
    void aRememberedValueStillFailsWhenTamperedWithOrAskedForUnderAnotherPurpose() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));
        String sealed = box.seal("secret", SecretPurpose.LINK_PASSWORD);
        assertThat(box.open(sealed, SecretPurpose.LINK_PASSWORD)).isEqualTo("secret");
        byte[] bytes = java.util.Base64.getDecoder().decode(sealed.substring("enc:v1:".length()));
        bytes[bytes.length - 1] ^= 1;
        String tampered = "enc:v1:" + java.util.Base64.getEncoder().encodeToString(bytes);

        assertThatThrownBy(() -> box.open(tampered, SecretPurpose.LINK_PASSWORD)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open(sealed, SecretPurpose.MEETING_PASSWORD)).isInstanceOf(SecretUnreadableException.class);
        assertThatThrownBy(() -> box.open(tampered, SecretPurpose.LINK_PASSWORD)).as("a failure is not remembered")
                .isInstanceOf(SecretUnreadableException.class);
        assertThat(box.remembered()).isEqualTo(1);
    }

    @Test
    void oauthTokensAndVerifiersAreNeverKeptOpen() {
        SecretBox box = new SecretBox(SecretsConfiguration.key(new SecretsProperties(null, dir.resolve("k"))));
        for (String purpose : new String[] {SecretPurpose.ZOOM_ACCESS_TOKEN, SecretPurpose.ZOOM_REFRESH_TOKEN,
                SecretPurpose.PKCE_VERIFIER}) {
            assertThat(box.open(box.seal("value-of-" + purpose, purpose), purpose)).isEqualTo("value-of-" + purpose);
        }

        assertThat(box.remembered()).isZero();
    }
}
