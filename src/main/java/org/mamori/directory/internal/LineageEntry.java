package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One event in a sector's history. */
@Table("sector_lineage")
record LineageEntry(
    UUID id,
    Event event,
    LocalDate occurredOn,
    @Nullable UUID relatedSectorId,
    @Nullable String formerNameJa,
    String noteJa,
    String noteEn) {

  enum Event {
    ADDED,
    RENAMED,
    SPLIT_FROM,
    RETIRED
  }

  static LineageEntry added(LocalDate on, String noteJa, String noteEn) {
    return new LineageEntry(UUID.randomUUID(), Event.ADDED, on, null, null, noteJa, noteEn);
  }

  static LineageEntry renamed(LocalDate on, String formerNameJa, String noteJa, String noteEn) {
    return new LineageEntry(
        UUID.randomUUID(), Event.RENAMED, on, null, formerNameJa, noteJa, noteEn);
  }

  static LineageEntry splitFrom(LocalDate on, UUID original, String noteJa, String noteEn) {
    return new LineageEntry(
        UUID.randomUUID(), Event.SPLIT_FROM, on, original, null, noteJa, noteEn);
  }
}
