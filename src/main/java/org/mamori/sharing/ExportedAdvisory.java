package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;

/**
 * An advisory (情報提供) for exports. See {@link ItemExport} for the access contract.
 *
 * @param indicatorsText what the issuer pasted, as pasted
 * @param indicators the indicators found in it
 * @param acknowledgeBy when recipients must acknowledge it by; null when none is asked
 * @param sanitisedSource set for a sanitised release of a report: how it names the reporter, and
 *     nothing else of the report
 * @param disclosure what the access decision needs for it now
 */
public record ExportedAdvisory(
    UUID id,
    String reference,
    ExportedOrganisation issuer,
    String title,
    String body,
    String indicatorsText,
    List<ExportedIndicator> indicators,
    Tlp tlp,
    Instant issuedAt,
    @Nullable Instant acknowledgeBy,
    @Nullable SanitisedSource sanitisedSource,
    Disclosure disclosure) {

  public ExportedAdvisory {
    indicators = List.copyOf(indicators);
  }

  /**
   * Where a sanitised release came from, anonymised.
   *
   * @param sectorCode the reporter's sector; null when the report had none
   * @param reporter "an operator in the electricity sector" / 「電力分野の事業者」
   */
  public record SanitisedSource(@Nullable String sectorCode, LocalizedText reporter) {}
}
