package org.mamori.situation;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/**
 * A situation was opened at a level, or its level was changed, by a duty officer's decision.
 *
 * @param situation the situation
 * @param reference its reference, such as {@code S2026-001}
 * @param change the decision in its level history: one per opening or change, never reused
 * @param fromLevel the level code before; null when the situation was just opened
 * @param toLevel the level code now
 * @param levelName the name of the level now
 * @param followUpMinutes how often the reports in scope owe a follow-up at the level now; null for
 *     no rhythm of its own
 * @param national the situation concerns the whole country, not only {@code sectors}
 * @param sectors the sectors in its scope
 * @param participants the organisations taking part in its response before or after the change
 */
public record SituationLevelChanged(
    UUID situation,
    String reference,
    UUID change,
    @Nullable String fromLevel,
    String toLevel,
    LocalizedText levelName,
    @Nullable Integer followUpMinutes,
    boolean national,
    Set<SectorId> sectors,
    Set<OrganisationId> participants) {

  public SituationLevelChanged {
    sectors = Set.copyOf(sectors);
    participants = Set.copyOf(participants);
  }
}
