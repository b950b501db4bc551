package org.mamori.situation;

import java.util.Set;
import java.util.UUID;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/**
 * A duty officer closed a situation: what was granted for it ends; its record stays.
 *
 * @param levelName the level it had when it closed
 * @param national it concerned the whole country, not only {@code sectors}
 * @param sectors the sectors in its scope
 * @param participants the organisations that took part until the close (they have left now)
 */
public record SituationClosed(
    UUID situation,
    String reference,
    LocalizedText levelName,
    boolean national,
    Set<SectorId> sectors,
    Set<OrganisationId> participants) {

  public SituationClosed {
    sectors = Set.copyOf(sectors);
    participants = Set.copyOf(participants);
  }
}
