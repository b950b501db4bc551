package org.mamori.exchange.internal.misp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** STIX ids and timestamps as MISP data becomes them, and back. */
final class StixIds {

  /** Namespace of the name-based uuids Mamori derives where MISP has none to give. */
  private static final UUID NAMESPACE = UUID.fromString("7d4c4893-0d22-46de-8c41-6f8065c88097");

  private static final Pattern UUID_TEXT =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** STIX timestamps: UTC, millisecond precision, Z. */
  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
          .withZone(ZoneOffset.UTC);

  private StixIds() {}

  /** A MISP uuid in the lower-case form STIX ids use, when it is one. */
  static Optional<String> uuid(String text) {
    String stripped = text.strip();
    return UUID_TEXT.matcher(stripped).matches()
        ? Optional.of(stripped.toLowerCase(Locale.ROOT))
        : Optional.empty();
  }

  /** The uuid part of a STIX id ({@code indicator--<uuid>}). */
  static String uuidOf(String stixId) {
    return stixId.substring(stixId.indexOf("--") + 2);
  }

  static String typeOf(String stixId) {
    int dashes = stixId.indexOf("--");
    return dashes < 0 ? "" : stixId.substring(0, dashes);
  }

  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant);
  }

  /** A name-based (version 5) uuid: the same inputs always give the same uuid. */
  static String derived(String... parts) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      sha1.update(toBytes(NAMESPACE));
      sha1.update(String.join("\u0000", parts).getBytes(StandardCharsets.UTF_8));
      byte[] hash = sha1.digest();
      hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
      hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
      long high = 0;
      long low = 0;
      for (int i = 0; i < 8; i++) {
        high = (high << 8) | (hash[i] & 0xff);
        low = (low << 8) | (hash[i + 8] & 0xff);
      }
      return new UUID(high, low).toString();
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-1", impossible);
    }
  }

  private static byte[] toBytes(UUID uuid) {
    byte[] bytes = new byte[16];
    for (int i = 0; i < 8; i++) {
      bytes[i] = (byte) (uuid.getMostSignificantBits() >>> (56 - 8 * i));
      bytes[i + 8] = (byte) (uuid.getLeastSignificantBits() >>> (56 - 8 * i));
    }
    return bytes;
  }
}
