package org.mamori.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mamori.platform.KeyRing;
import org.mamori.platform.SecretBox;
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

  private final SecretBox box;

  WebhookSecrets(KeyRing keys) {
    this.box = new SecretBox(keys, "webhook");
  }

  String seal(OrganisationId organisation, String secret) {
    return box.seal(organisation.toString(), secret);
  }

  /**
   * @throws IllegalStateException if it was not sealed for this organisation with this key (a
   *     changed master secret, or tampering)
   */
  String open(OrganisationId organisation, String sealedText) {
    return box.open(organisation.toString(), sealedText);
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
}
