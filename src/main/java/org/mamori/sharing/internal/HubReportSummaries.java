package org.mamori.sharing.internal;

import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.AccessPolicy;
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

  HubReportSummaries(
      Reports reports, ReportVersions versions, Taxonomy taxonomy, AccessPolicy access) {
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
        .filter(report -> access.organisationMayRead(reader, report.disclosure()))
        .flatMap(
            report ->
                versions.of(report.id()).stream()
                    .filter(ReportVersion::released)
                    .filter(v -> access.organisationMayRead(reader, report.disclosure(v.tlp())))
                    .max(Comparator.comparingInt(ReportVersion::number))
                    .map(latest -> summary(report, latest)));
  }

  private ReportSummary summary(Report report, ReportVersion version) {
    Map<String, String> groups =
        taxonomy.causes().stream()
            .collect(Collectors.toMap(Taxonomy.Option::code, Taxonomy.Option::group));
    Set<String> causeGroups =
        version.causes().stream()
            .map(cause -> groups.getOrDefault(cause, "OTHER"))
            .collect(Collectors.toSet());
    return new ReportSummary(
        report.id(),
        report.reference(),
        report.sectorId() == null ? null : new SectorId(report.sectorId()),
        report.disclosure(version.tlp()).tlp(),
        version.decidedAt() != null ? version.decidedAt() : version.writtenAt(),
        version.summary(),
        version.impact(),
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
