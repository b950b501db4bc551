package org.mamori.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keys kept outside the database: one master secret ({@code MAMORI_SECRET_KEY}, or a file the first
 * start creates under the data directory), from which each purpose derives its own key (HKDF, RFC
 * 5869). Someone who copies the database alone can neither forge the audit chain nor read the TOTP
 * secrets.
 */
public final class KeyRing {

  private static final Logger log = LoggerFactory.getLogger(KeyRing.class);
  private static final int KEY_BYTES = 32;

  private final byte[] master;

  private KeyRing(byte[] master) {
    if (master.length < KEY_BYTES) {
      throw new IllegalArgumentException("the master secret must be at least 32 bytes");
    }
    this.master = master.clone();
  }

  static KeyRing of(byte[] master) {
    return new KeyRing(master);
  }

  /** From a base64 secret if given, else from {@code keyFile}, created on first use. */
  static KeyRing load(String base64Secret, Path keyFile) {
    if (!base64Secret.isBlank()) {
      return new KeyRing(Base64.getDecoder().decode(base64Secret.strip()));
    }
    try {
      if (!Files.exists(keyFile)) {
        Files.createDirectories(keyFile.getParent());
        byte[] fresh = new byte[KEY_BYTES];
        new SecureRandom().nextBytes(fresh);
        Files.writeString(keyFile, Base64.getEncoder().encodeToString(fresh));
        restrictToOwner(keyFile);
        log.warn(
            "Created a new master secret in {}. Back it up: without it the audit trail cannot be"
                + " verified and two-step sign-in must be set up again. Nodes that share a"
                + " database must share it (MAMORI_SECRET_KEY).",
            keyFile);
      }
      return new KeyRing(Base64.getDecoder().decode(Files.readString(keyFile).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read or create the master secret " + keyFile, e);
    }
  }

  /** A 32-byte key for one purpose, such as {@code "audit-chain"}; the same purpose, same key. */
  public byte[] key(String purpose) {
    try {
      Mac extract = Mac.getInstance("HmacSHA256");
      extract.init(new SecretKeySpec("mamori".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] pseudoRandomKey = extract.doFinal(master);
      Mac expand = Mac.getInstance("HmacSHA256");
      expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
      expand.update(purpose.getBytes(StandardCharsets.UTF_8));
      expand.update((byte) 1);
      return expand.doFinal();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
    }
  }

  private static void restrictToOwner(Path file) {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException | IOException notPosix) {
      log.debug("Could not restrict permissions of {}", file);
    }
  }
}
