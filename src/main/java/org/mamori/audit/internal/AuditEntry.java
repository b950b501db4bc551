package org.mamori.audit.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One entry of the chain, as stored. */
record AuditEntry(
    long position,
    Instant recordedAt,
    UUID actorPerson,
    UUID actorOrganisation,
    String action,
    String subjectType,
    String subjectId,
    String summary,
    @Nullable String beforeDigest,
    @Nullable String afterDigest,
    String previousMac,
    String mac) {

  AuditEntry signedWith(String newMac) {
    return new AuditEntry(
        position,
        recordedAt,
        actorPerson,
        actorOrganisation,
        action,
        subjectType,
        subjectId,
        summary,
        beforeDigest,
        afterDigest,
        previousMac,
        newMac);
  }

  /** The MAC of the entry before the first. */
  static final String GENESIS = "0".repeat(64);

  /**
   * The exact text the MAC covers: every field but the MAC itself, unambiguously separated (each
   * field is length-prefixed, so no choice of values can make two entries read the same).
   */
  String macInput() {
    StringBuilder text = new StringBuilder();
    for (String field :
        new String[] {
          Long.toString(position),
          recordedAt.toString(),
          actorPerson.toString(),
          actorOrganisation.toString(),
          action,
          subjectType,
          subjectId,
          summary,
          beforeDigest == null ? "-" : beforeDigest,
          afterDigest == null ? "-" : afterDigest,
          previousMac
        }) {
      text.append(field.length()).append(':').append(field).append('\n');
    }
    return text.toString();
  }
}
