package org.mamori.access.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP): what authenticator apps show. Mamori
 * uses HMAC-SHA1, 6 digits and 30-second steps, the settings every app understands.
 */
final class Totp {

  static final String HMAC_SHA1 = "HmacSHA1";
  static final int DIGITS = 6;
  static final long STEP_SECONDS = 30;

  /** A code from the step before or after is accepted too, for clocks that drift a little. */
  static final int ALLOWED_DRIFT = 1;

  private static final int[] POWERS_OF_TEN = {
    1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000
  };

  private Totp() {}

  /** The time step an instant falls in (T in RFC 6238, with T0 = the Unix epoch). */
  static long step(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** Mamori's code for a step: HMAC-SHA1, 6 digits, zero-padded. */
  static String code(byte[] secret, long step) {
    return code(secret, step, HMAC_SHA1, DIGITS);
  }

  /**
   * The HOTP value of a counter (RFC 4226 section 5.3, dynamic truncation), with any HMAC the JDK
   * knows ({@code HmacSHA1}, {@code HmacSHA256}, {@code HmacSHA512}) and 1 to 8 digits.
   */
  static String code(byte[] secret, long counter, String hmac, int digits) {
    if (digits < 1 || digits >= POWERS_OF_TEN.length) {
      throw new IllegalArgumentException("digits must be 1 to 8");
    }
    byte[] hash;
    try {
      Mac mac = Mac.getInstance(hmac);
      mac.init(new SecretKeySpec(secret, hmac));
      hash = mac.doFinal(ByteBuffer.allocate(Long.BYTES).putLong(counter).array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(hmac + " is unavailable", e);
    }
    int offset = hash[hash.length - 1] & 0x0f;
    int binary =
        ((hash[offset] & 0x7f) << 24)
            | ((hash[offset + 1] & 0xff) << 16)
            | ((hash[offset + 2] & 0xff) << 8)
            | (hash[offset + 3] & 0xff);
    String value = Integer.toString(binary % POWERS_OF_TEN[digits]);
    return "0".repeat(digits - value.length()) + value;
  }

  /**
   * The step, within the allowed drift around {@code now}, whose code the person typed; empty if
   * none matches. The caller must still refuse a step already used (a replayed code).
   */
  static OptionalLong matchingStep(byte[] secret, String typed, Instant now) {
    String candidate = normalise(typed);
    if (candidate.length() != DIGITS) {
      return OptionalLong.empty();
    }
    long current = step(now);
    OptionalLong found = OptionalLong.empty();
    // Compare every candidate step, so timing does not tell which one matched.
    for (long step = current - ALLOWED_DRIFT; step <= current + ALLOWED_DRIFT; step++) {
      if (MessageDigest.isEqual(
          code(secret, step).getBytes(StandardCharsets.US_ASCII),
          candidate.getBytes(StandardCharsets.US_ASCII))) {
        found = OptionalLong.of(step);
      }
    }
    return found;
  }

  /** Keeps only the digits: people type spaces, and some apps show "123 456". */
  static String normalise(String typed) {
    return typed.replaceAll("[\\s-]", "");
  }
}
