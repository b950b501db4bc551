package org.mamori.directory.internal;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.SizeClass;
import org.springframework.data.annotation.Id;

/**
 * Where "small or medium-sized" ends for a sector (or, without a sector, by default): an operator
 * at or below either limit is an SME, as in Japan's SME Basic Act.
 */
record SizeThreshold(
    @Id UUID id,
    @Nullable UUID sectorId,
    @Nullable Integer smeMaxEmployees,
    @Nullable Long smeMaxCapitalYen) {

  /** The size class these thresholds give, or null when nothing is known. */
  @Nullable SizeClass classify(@Nullable Integer employees, @Nullable Long capitalYen) {
    boolean smallByPeople =
        employees != null && smeMaxEmployees != null && employees <= smeMaxEmployees;
    boolean smallByCapital =
        capitalYen != null && smeMaxCapitalYen != null && capitalYen <= smeMaxCapitalYen;
    if (smallByPeople || smallByCapital) {
      return SizeClass.SME;
    }
    return employees == null && capitalYen == null ? null : SizeClass.LARGE;
  }
}
