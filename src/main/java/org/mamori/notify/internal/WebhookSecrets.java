package org.mamori.notify.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.mamori.platform.KeyRing;
import org.mamori.shared.OrganisationId;
import org.springframework.stereotype.Component;

/**
 * Keeps webhook secrets sealed (AES-256-GCM under the key ring's {@code "webhook"} key, kept
 * outside the database), since Mamori must read them back to sign: hashing would not do. The
 * organisation's id is bound in, so a sealed secret copied to another organisation's row does not
 * open.
 */
@Component
class WebhookSecrets {

  private static final String FORMAT = "v1:";
  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  WebhookSecrets(KeyRing keys) {
    this.key = new SecretKeySpec(keys.key("webhook"), "AES");
  }

  String seal(OrganisationId organisation, String secret) {
    byte[] iv = new byte[IV_BYTES];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(associatedData(organisation));
      byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      return FORMAT
          + Base64.getEncoder()
              .encodeToString(
                  ByteBuffer.allocate(IV_BYTES + sealed.length).put(iv).put(sealed).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  /**
   * @throws IllegalStateException if it was not sealed for this organisation with this key (a
   *     changed master secret, or tampering)
   */
  String open(OrganisationId organisation, String sealedText) {
    if (!sealedText.startsWith(FORMAT)) {
      throw new IllegalStateException("unknown webhook secret format");
    }
    byte[] in = Base64.getDecoder().decode(sealedText.substring(FORMAT.length()));
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Arrays.copyOf(in, IV_BYTES)));
      cipher.updateAAD(associatedData(organisation));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Could not open a webhook secret: was MAMORI_SECRET_KEY changed?", e);
    }
  }

  /** The value of the signature header: {@code sha256=} and the hex HMAC-SHA256 of the body. */
  static String signature(String secret, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static byte[] associatedData(OrganisationId organisation) {
    return ("mamori-webhook:" + organisation).getBytes(StandardCharsets.UTF_8);
  }
}
