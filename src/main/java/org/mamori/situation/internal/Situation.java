package org.mamori.situation.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;

/**
 * A situation: its scope (sectors, or the whole country), its current level, and its close. Its
 * level history is kept beside it, one {@code situation_level_change} per decision.
 */
record Situation(
    UUID id,
    String reference,
    String title,
    boolean national,
    Set<SectorId> sectors,
    String level,
    Instant openedAt,
    PersonId openedBy,
    @Nullable Instant closedAt,
    @Nullable PersonId closedBy,
    String closeReason,
    long version) {

  Situation {
    sectors = Set.copyOf(sectors);
  }

  static Situation opened(
      String reference,
      String title,
      boolean national,
      Set<SectorId> sectors,
      String level,
      PersonId by,
      Instant at) {
    return new Situation(
        UUID.randomUUID(), reference, title, national, sectors, level, at, by, null, null, "", 0);
  }

  boolean open() {
    return closedAt == null;
  }

  /** Does its scope take in all these sectors? */
  boolean covers(Set<SectorId> others) {
    return national || sectors.containsAll(others);
  }

  /** Moves it to a level, widening its scope to what the decision names. */
  Situation atLevel(String newLevel, boolean nationalNow, Set<SectorId> moreSectors) {
    requireOpen();
    Set<SectorId> all = new HashSet<>(sectors);
    all.addAll(moreSectors);
    return new Situation(
        id,
        reference,
        title,
        national || nationalNow,
        all,
        newLevel,
        openedAt,
        openedBy,
        null,
        null,
        "",
        version);
  }

  Situation close(PersonId by, String why, Instant at) {
    requireOpen();
    if (why == null || why.isBlank()) {
      throw new SituationRuleViolation("situation.rule.reasonRequired").on("reason");
    }
    return new Situation(
        id,
        reference,
        title,
        national,
        sectors,
        level,
        openedAt,
        openedBy,
        at,
        by,
        why.strip(),
        version);
  }

  private void requireOpen() {
    if (!open()) {
      throw new SituationRuleViolation("situation.rule.situationClosed");
    }
  }
}
