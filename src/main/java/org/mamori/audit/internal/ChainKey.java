package org.mamori.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mamori.platform.KeyRing;
import org.springframework.stereotype.Component;

/** The chain's HMAC-SHA256 key, derived from the master secret kept outside the database. */
@Component
class ChainKey {

  private final SecretKeySpec key;

  ChainKey(KeyRing keys) {
    this.key = new SecretKeySpec(keys.key("audit-chain"), "HmacSHA256");
  }

  String mac(AuditEntry entry) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal(entry.macInput().getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }
}
