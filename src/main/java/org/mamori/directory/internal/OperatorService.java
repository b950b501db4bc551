package org.mamori.directory.internal;

import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/** A critical-infrastructure service an operator runs, in one sector. */
@Table("operator_service")
record OperatorService(
    UUID id, UUID sectorId, String nameJa, String nameEn, String description, int position) {

  static OperatorService of(UUID sector, String nameJa, String nameEn, int position) {
    return new OperatorService(UUID.randomUUID(), sector, nameJa, nameEn, "", position);
  }
}
