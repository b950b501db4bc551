package org.mamori.sharing.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ReportSummaries;
import org.mamori.sharing.ReportSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Summaries of released reports for an organisation, under the one access decision. */
@Component
@Transactional(readOnly = true)
class HubReportSummaries implements ReportSummaries {

  private final Reports reports;
  private final ReportVersions versions;
  private final Taxonomy taxonomy;
  private final AccessPolicy access;
  private final ReportDisclosures disclosures;

  HubReportSummaries(
      Reports reports,
      ReportVersions versions,
      Taxonomy taxonomy,
      AccessPolicy access,
      ReportDisclosures disclosures) {
    this.disclosures = disclosures;
    this.reports = reports;
    this.versions = versions;
    this.taxonomy = taxonomy;
    this.access = access;
  }

  @Override
  public Optional<ReportSummary> readableBy(OrganisationId reader, String reference) {
    return reports
        .findByReference(reference)
        .filter(Report::released)
        .flatMap(report -> latestReadable(reader, report));
  }

  private Optional<ReportSummary> latestReadable(OrganisationId reader, Report report) {
    Disclosure shown = disclosures.of(report);
    if (!access.organisationMayRead(reader, shown)) {
      return Optional.empty();
    }
    return versions.of(report.id()).stream()
        .filter(ReportVersion::released)
        .filter(v -> access.organisationMayRead(reader, shown.under(v.tlp())))
        .max(Comparator.comparingInt(ReportVersion::number))
        .map(latest -> summary(report, latest, shown.under(latest.tlp())));
  }

  private ReportSummary summary(Report report, ReportVersion version, Disclosure shown) {
    Map<String, String> groups =
        taxonomy.causes().stream()
            .collect(Collectors.toMap(Taxonomy.Option::code, Taxonomy.Option::group));
    LocalizedText impactName =
        taxonomy.impacts().stream()
            .filter(o -> o.code().equals(version.impact()))
            .map(Taxonomy.Option::name)
            .findFirst()
            .orElse(new LocalizedText(version.impact(), version.impact()));
    Set<String> causeGroups =
        version.causes().stream()
            .map(cause -> groups.getOrDefault(cause, "OTHER"))
            .collect(Collectors.toSet());
    return new ReportSummary(
        report.id(),
        report.reference(),
        report.originator(),
        report.sectorId() == null ? null : new SectorId(report.sectorId()),
        version.stage(),
        shown.tlp(),
        version.decidedAt() != null ? version.decidedAt() : version.writtenAt(),
        version.summary(),
        version.impact(),
        impactName,
        version.responseStatus().name(),
        causeGroups,
        version.verificationLevel() == ReportContent.Verification.REACHED,
        Indicators.in(version.indicators()).stream()
            .map(
                i ->
                    new ExportedIndicator(
                        ExportedIndicator.Type.valueOf(i.kind().name()), i.normalised()))
            .toList());
  }
}
