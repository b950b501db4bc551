package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;

/**
 * Loads reports filed before Mamori (the demo's history, or records carried over from an earlier
 * system) so that trends span the years before it. Each becomes a closed case exactly as if it had
 * been filed then: one final version, released at its time, that travelled today's sharing map from
 * its originator to the national hub, with reference numbers of its fiscal year.
 *
 * <p>Past reports announce nothing: no notifications and no spread alerts are raised for them. The
 * load is audited as one change.
 */
public interface ReportHistory {

  /** Whether any report was released in the Japanese fiscal year (April to March). */
  boolean hasReportsIn(int fiscalYear);

  /**
   * Loads the reports, all or none.
   *
   * @param by a platform administrator, or Mamori itself ({@link Actor#SYSTEM})
   * @return how many were loaded
   * @throws IllegalArgumentException if a code is not in the taxonomy or the times are impossible
   * @throws org.springframework.security.access.AccessDeniedException if {@code by} may not
   */
  int load(Actor by, List<PastReport> reports);

  /**
   * One past report.
   *
   * @param author the person who filed it, a member of the originator
   * @param submittedAt when it left the originator; times must not be in the future
   * @param eventType an event type code ({@code unavailable}, {@code malware}, …)
   * @param impact an impact code
   * @param causes cause codes, possibly none
   * @param reachedVerificationLevel whether it reached its sector's verification level; null when
   *     unknown, and taken as unknown where the sector has no verification level
   */
  record PastReport(
      OrganisationId originator,
      PersonId author,
      Instant occurredAt,
      Instant detectedAt,
      Instant submittedAt,
      String summary,
      String eventType,
      String impact,
      List<String> causes,
      @Nullable Boolean reachedVerificationLevel,
      Tlp tlp) {

    public PastReport {
      causes = List.copyOf(causes);
    }
  }
}
