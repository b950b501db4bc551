package org.mamori.situation;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.SectorId;

/**
 * A situation was opened at a level, or its level was changed, by a duty officer's decision.
 *
 * @param situation the situation
 * @param reference its reference, such as {@code S2026-001}
 * @param fromLevel the level code before; null when the situation was just opened
 * @param toLevel the level code now
 * @param national the situation concerns the whole country, not only {@code sectors}
 * @param sectors the sectors in its scope
 */
public record SituationLevelChanged(
    UUID situation,
    String reference,
    @Nullable String fromLevel,
    String toLevel,
    boolean national,
    Set<SectorId> sectors) {

  public SituationLevelChanged {
    sectors = Set.copyOf(sectors);
  }
}
