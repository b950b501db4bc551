package org.mamori.sharing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.mamori.access.Disclosure;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

/**
 * A report (情報連絡) with its released versions and its route, for exports. See {@link ItemExport} for
 * the access contract.
 *
 * @param sectorCode the sector the report was filed under; null when it has none
 * @param tlp the case's current marking
 * @param submittedAt when its first version left the originator
 * @param versions the released versions, first to last
 * @param route where it has reached so far, in order of arrival
 * @param disclosure what the access decision needs for the case now
 */
public record ExportedReport(
    UUID id,
    String reference,
    ExportedOrganisation originator,
    @Nullable String sectorCode,
    Tlp tlp,
    boolean emergency,
    Instant submittedAt,
    List<ExportedReportVersion> versions,
    List<Hop> route,
    Disclosure disclosure) {

  public ExportedReport {
    versions = List.copyOf(versions);
    route = List.copyOf(route);
  }

  /** The same report holding only the versions that pass (those a reader may read, say). */
  public ExportedReport onlyVersions(Predicate<ExportedReportVersion> kept) {
    return new ExportedReport(
        id,
        reference,
        originator,
        sectorCode,
        tlp,
        emergency,
        submittedAt,
        versions.stream().filter(kept).toList(),
        route,
        disclosure);
  }

  /** The case's disclosure under a version's own marking, when that is the stricter. */
  public Disclosure disclosureOf(ExportedReportVersion version) {
    return disclosure.under(version.tlp());
  }

  /**
   * The report's arrival at one organisation and its passing on.
   *
   * @param step 1 for those who heard from the originator, 2 for the next, …
   * @param from who passed it on; null when it came straight from the originator
   * @param channel how it arrived: {@code MAMORI}, {@code EMAIL} or {@code PHONE}
   * @param emergency it came by the emergency route, straight to the national hub
   * @param forwardedAt when this organisation passed it on; null while it has not
   * @param assessment what the organisation added when it passed it on
   */
  public record Hop(
      ExportedOrganisation organisation,
      int step,
      @Nullable OrganisationId from,
      String channel,
      boolean emergency,
      Instant receivedAt,
      @Nullable Instant forwardedAt,
      String assessment) {}
}
