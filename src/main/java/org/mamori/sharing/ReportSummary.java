package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;

/**
 * What one released version of a report says, for a reader who may read it. See {@link
 * ReportSummaries}.
 *
 * @param originator the organisation that filed the report
 * @param sector the sector the report was filed under; null when it has none
 * @param stage which report of the case the version described is (速報, 続報, 最終報)
 * @param releasedAt when the version described left its organisation
 * @param impact an impact code ({@code stopped}, {@code degraded}, …)
 * @param impactName that impact's name in the report taxonomy
 * @param response where the response stands: {@code INVESTIGATING}, {@code CONTAINED} or {@code
 *     RECOVERED}
 * @param causeGroups the groups of its causes: {@code INTENTIONAL}, {@code ACCIDENTAL}, {@code
 *     ENVIRONMENTAL}, {@code OTHER}
 * @param verificationLevelReached the event reached its sector's verification level (検証レベル), such
 *     as telecom's "30,000 users or more for 2 hours or more"
 * @param indicators the normalised indicators found in it
 */
public record ReportSummary(
    UUID id,
    String reference,
    OrganisationId originator,
    @Nullable SectorId sector,
    ReportStage stage,
    Tlp tlp,
    Instant releasedAt,
    String summary,
    String impact,
    LocalizedText impactName,
    String response,
    Set<String> causeGroups,
    boolean verificationLevelReached,
    List<ExportedIndicator> indicators) {

  public ReportSummary {
    causeGroups = Set.copyOf(causeGroups);
    indicators = List.copyOf(indicators);
  }
}
