package org.mamori.access.internal;

import java.util.UUID;
import org.mamori.platform.KeyRing;
import org.mamori.platform.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Seals TOTP secrets with AES-256-GCM under the key ring's {@code "totp"} key, so a copy of the
 * database alone reveals no one's second factor. The person's id is bound in as associated data: a
 * sealed secret copied to another person's row does not open.
 */
@Component
class TotpSecretBox {

  private final SecretBox box;

  TotpSecretBox(KeyRing keys) {
    this.box = new SecretBox(keys, "totp");
  }

  String seal(UUID person, byte[] secret) {
    return box.seal(person.toString(), secret);
  }

  /**
   * @throws IllegalStateException if the text was not sealed for this person with this key (a
   *     changed master secret, or tampering)
   */
  byte[] open(UUID person, String sealedText) {
    return box.openBytes(person.toString(), sealedText);
  }
}
