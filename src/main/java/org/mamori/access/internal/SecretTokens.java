package org.mamori.access.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Random secrets handed to people once (API tokens, setup links) and kept only as SHA-256 hashes: a
 * copy of the database lets nobody use them. The secrets are long and random, so an unsalted fast
 * hash is enough.
 */
final class SecretTokens {

  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretTokens() {}

  /** {@code length} characters from [0-9A-Za-z], each chosen uniformly (5.95 bits apiece). */
  static String base62(int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(BASE62.charAt(RANDOM.nextInt(BASE62.length())));
    }
    return out.toString();
  }

  static byte[] randomBytes(int count) {
    byte[] bytes = new byte[count];
    RANDOM.nextBytes(bytes);
    return bytes;
  }

  /** Lower-case hex SHA-256 of the secret's UTF-8 bytes: what the database keeps. */
  static String hash(String secret) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
