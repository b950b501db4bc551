package org.mamori.exchange.internal.mapping;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Deterministic STIX identifiers: name-based UUIDs (version 5, RFC 9562), so the same Mamori item
 * always maps to the same STIX ids and a re-export is an update, never a new object.
 */
final class StixIds {

  /** The namespace of Mamori's own names (fixed once; changing it would renumber every object). */
  static final UUID MAMORI = UUID.fromString("6f1c2a3e-8d4b-5e7f-9a0c-1b2d3e4f5a6b");

  /** The STIX 2.1 namespace for cyber-observable ids (section 2.9 of the specification). */
  static final UUID STIX_OBSERVABLES = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");

  private StixIds() {}

  /**
   * {@code type--uuid5(Mamori, "type:name")}: an id for one of Mamori's things; the type is part of
   * the name, so a report's incident and its report object have different UUIDs.
   */
  static String mamori(String type, String name) {
    return type + "--" + uuid5(MAMORI, type + ":" + name);
  }

  static UUID uuid5(UUID namespace, String name) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException every) {
      throw new IllegalStateException("every Java runtime has SHA-1", every);
    }
    ByteBuffer space = ByteBuffer.allocate(16);
    space.putLong(namespace.getMostSignificantBits());
    space.putLong(namespace.getLeastSignificantBits());
    sha1.update(space.array());
    byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    ByteBuffer bits = ByteBuffer.wrap(hash, 0, 16);
    return new UUID(bits.getLong(), bits.getLong());
  }
}
