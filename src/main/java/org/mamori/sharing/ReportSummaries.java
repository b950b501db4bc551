package org.mamori.sharing;

import java.util.Optional;
import org.mamori.shared.OrganisationId;

/**
 * The facts of a released report that an organisation as a whole may read, for work Mamori does on
 * its behalf (the national hub's situation desk weighs incoming reports against its recognition
 * rules). The access decision is made here, for the organisation: a report it may not read, or one
 * marked TLP:RED, yields nothing.
 */
public interface ReportSummaries {

  /**
   * The report as its latest version the organisation may read describes it.
   *
   * @param reference the report's reference, such as {@code R2026-00042}
   * @return empty when there is no such released report or the organisation may not read it
   */
  Optional<ReportSummary> readableBy(OrganisationId reader, String reference);
}
