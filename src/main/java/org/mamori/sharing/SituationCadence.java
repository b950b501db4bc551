package org.mamori.sharing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;

/**
 * How often open situations ask for follow-up reports (続報). The situation module answers; the
 * sharing module's reporting clocks ask, and use a situation's rhythm for the reports in its scope
 * when it is stricter than the reporter's own regime.
 */
public interface SituationCadence {

  /** The rhythm of every open situation whose current level asks for follow-ups. */
  List<Rhythm> current();

  /**
   * One open situation's rhythm.
   *
   * @param situation its reference (S2026-001)
   * @param level the name of its current level
   * @param national its scope is the whole country
   * @param sectors the sectors in its scope (when not national)
   * @param every a follow-up is due this long after the last one
   * @param since when the situation reached its current level: the rhythm counts from then at the
   *     earliest
   */
  record Rhythm(
      String situation,
      LocalizedText level,
      boolean national,
      Set<SectorId> sectors,
      Duration every,
      Instant since) {

    public Rhythm {
      sectors = Set.copyOf(sectors);
    }

    /** Does the situation take in reports of this sector (null: an organisation in no sector)? */
    public boolean covers(@Nullable SectorId sector) {
      return national || (sector != null && sectors.contains(sector));
    }
  }
}
