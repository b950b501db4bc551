package org.mamori.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.AuditableChange;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends every announced change to the chain, synchronously and inside the change's own
 * transaction: the change and its entry commit together or not at all. A change announced outside a
 * transaction is a programming error and fails loudly.
 */
@Component
class AuditRecorder {

  /** Sorted keys make the digest of a state independent of field order. */
  private static final JsonMapper CANONICAL =
      JsonMapper.builder()
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .build();

  private final AuditEntries entries;
  private final ChainKey key;
  private final Clock clock;

  AuditRecorder(AuditEntries entries, ChainKey key, Clock clock) {
    this.entries = entries;
    this.key = key;
    this.clock = clock;
  }

  @EventListener
  @Transactional(propagation = Propagation.MANDATORY)
  public void on(AuditableChange change) {
    entries.lockTail();
    AuditEntry last = entries.last().orElse(null);
    long position = last == null ? 1 : last.position() + 1;
    String previousMac = last == null ? AuditEntry.GENESIS : last.mac();
    // PostgreSQL keeps microseconds: the MAC must cover exactly what is stored.
    Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
    AuditEntry unsigned =
        new AuditEntry(
            position,
            at,
            change.actor().person().value(),
            change.actor().organisation().value(),
            change.action(),
            change.subjectType(),
            change.subjectId(),
            change.summary(),
            digest(change.before()),
            digest(change.after()),
            previousMac,
            "");
    entries.append(unsigned.signedWith(key.mac(unsigned)));
  }

  static @Nullable String digest(@Nullable Object state) {
    if (state == null) {
      return null;
    }
    try {
      byte[] json = CANONICAL.writeValueAsString(state).getBytes(StandardCharsets.UTF_8);
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is unavailable", e);
    }
  }
}
