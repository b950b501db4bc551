package org.mamori.directory.internal;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** A ministry responsible for a sector from one date, until another (or still). */
@Table("sector_ministry")
record MinistryAssignment(
    UUID id, UUID ministryId, LocalDate validFrom, @Nullable LocalDate validTo) {

  static MinistryAssignment from(UUID ministry, LocalDate from) {
    return new MinistryAssignment(UUID.randomUUID(), ministry, from, null);
  }

  MinistryAssignment endingOn(LocalDate last) {
    return new MinistryAssignment(id, ministryId, validFrom, last);
  }

  boolean coversDate(LocalDate on) {
    return !validFrom.isAfter(on) && (validTo == null || !validTo.isBefore(on));
  }
}
