package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;

/**
 * What one released version of a report says, for a reader who may read it. See {@link
 * ReportSummaries}.
 *
 * @param sector the sector the report was filed under; null when it has none
 * @param releasedAt when the version described left its organisation
 * @param impact an impact code ({@code stopped}, {@code degraded}, …)
 * @param causeGroups the groups of its causes: {@code INTENTIONAL}, {@code ACCIDENTAL}, {@code
 *     ENVIRONMENTAL}, {@code OTHER}
 * @param verificationLevelReached the event reached its sector's verification level (検証レベル), such
 *     as telecom's "30,000 users or more for 2 hours or more"
 * @param indicators the normalised indicators found in it
 */
public record ReportSummary(
    UUID id,
    String reference,
    @Nullable SectorId sector,
    Tlp tlp,
    Instant releasedAt,
    String summary,
    String impact,
    Set<String> causeGroups,
    boolean verificationLevelReached,
    List<ExportedIndicator> indicators) {

  public ReportSummary {
    causeGroups = Set.copyOf(causeGroups);
    indicators = List.copyOf(indicators);
  }
}
