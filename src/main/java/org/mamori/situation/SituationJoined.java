package org.mamori.situation;

import java.util.Set;
import java.util.UUID;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;

/**
 * Organisations joined the response to a situation: the level it reached names them in its posture
 * (by kind, or by name). They read the situation's AMBER reports until it closes or drops below
 * that level.
 *
 * @param situation the situation
 * @param reference its reference, such as {@code S2026-001}
 * @param level the code of the level that brought them in
 * @param levelName that level's name
 * @param organisations the organisations that joined now (never empty)
 */
public record SituationJoined(
    UUID situation,
    String reference,
    String level,
    LocalizedText levelName,
    Set<OrganisationId> organisations) {

  public SituationJoined {
    organisations = Set.copyOf(organisations);
  }
}
