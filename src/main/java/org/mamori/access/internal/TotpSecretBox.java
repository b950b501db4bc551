package org.mamori.access.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mamori.platform.KeyRing;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets with AES-256-GCM under the key ring's {@code "totp"} key, so a copy of the
 * database alone reveals no one's second factor. The person's id is bound in as associated data: a
 * sealed secret copied to another person's row does not open.
 */
@Component
class TotpSecretBox {

  private static final String FORMAT = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final SecretKey key;

  TotpSecretBox(KeyRing keys) {
    this.key = new SecretKeySpec(keys.key("totp"), "AES");
  }

  /** {@code v1:} and base64 of a fresh 96-bit IV followed by the ciphertext and its tag. */
  String seal(UUID person, byte[] secret) {
    byte[] iv = SecretTokens.randomBytes(IV_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(person));
      byte[] sealed = cipher.doFinal(secret);
      byte[] out = ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array();
      return FORMAT + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws IllegalStateException if the text was not sealed for this person with this key (a
   *     changed master secret, or tampering)
   */
  byte[] open(UUID person, String sealedText) {
    if (!sealedText.startsWith(FORMAT)) {
      throw new IllegalStateException("unknown TOTP secret format");
    }
    byte[] in = Base64.getDecoder().decode(sealedText.substring(FORMAT.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, IV_BYTES)));
      cipher.updateAAD(associatedData(person));
      return cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open a TOTP secret: was MAMORI_SECRET_KEY changed?", e);
    }
  }

  private static byte[] associatedData(UUID person) {
    return ("mamori-totp:" + person).getBytes(StandardCharsets.UTF_8);
  }
}
