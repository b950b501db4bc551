package org.mamori.sharing.internal;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.ExportedAdvisory;
import org.mamori.sharing.ExportedIndicator;
import org.mamori.sharing.ExportedOrganisation;
import org.mamori.sharing.ExportedReport;
import org.mamori.sharing.ExportedReportVersion;
import org.mamori.sharing.ItemExport;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads reports and advisories whole for exports; the caller applies the access decision. */
@Component
@Transactional(readOnly = true)
class ItemExports implements ItemExport {

  private final Reports reports;
  private final ReportVersions versions;
  private final Advisories advisories;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final Sanitisation sanitisation;
  private final ReportDisclosures disclosures;

  ItemExports(
      Reports reports,
      ReportVersions versions,
      Advisories advisories,
      Taxonomy taxonomy,
      Directory directory,
      Sanitisation sanitisation,
      ReportDisclosures disclosures) {
    this.disclosures = disclosures;
    this.reports = reports;
    this.versions = versions;
    this.advisories = advisories;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.sanitisation = sanitisation;
  }

  @Override
  public Optional<ExportedReport> report(String reference) {
    return reports
        .findByReference(reference)
        .filter(Report::released)
        .map(report -> exported(report, sectors()));
  }

  @Override
  public Optional<ExportedAdvisory> advisory(String reference) {
    return advisories.findByReference(reference).map(advisory -> exported(advisory, sectors()));
  }

  @Override
  public List<String> reportReferences() {
    return reports.releasedReferences();
  }

  @Override
  public List<String> advisoryReferences() {
    return advisories.references();
  }

  private ExportedReport exported(Report report, Map<UUID, SectorSummary> sectors) {
    List<Hop> hops = report.hopsInOrder();
    Set<OrganisationId> ids = new HashSet<>();
    ids.add(report.originator());
    hops.forEach(h -> ids.add(new OrganisationId(h.organisationId())));
    Map<OrganisationId, ExportedOrganisation> organisations = organisations(ids, sectors);
    Map<String, Taxonomy.Option> eventTypes =
        taxonomy.eventTypes().stream().collect(Collectors.toMap(Taxonomy.Option::code, o -> o));
    return new ExportedReport(
        report.id(),
        report.reference(),
        organisations.get(report.originator()),
        code(sectors, report.sectorId()),
        report.tlp(),
        report.emergency(),
        Objects.requireNonNull(report.submittedAt(), "a released report has left"),
        versions.of(report.id()).stream()
            .filter(ReportVersion::released)
            .map(v -> version(v, eventTypes))
            .toList(),
        hops.stream()
            .map(
                h ->
                    new ExportedReport.Hop(
                        organisations.get(new OrganisationId(h.organisationId())),
                        h.step(),
                        h.fromOrganisation() == null
                            ? null
                            : new OrganisationId(h.fromOrganisation()),
                        h.channel(),
                        h.emergency(),
                        h.receivedAt(),
                        h.forwardedAt(),
                        h.assessment()))
            .toList(),
        disclosures.of(report));
  }

  private static ExportedReportVersion version(
      ReportVersion v, Map<String, Taxonomy.Option> eventTypes) {
    Taxonomy.Option eventType = eventTypes.get(v.eventType());
    return new ExportedReportVersion(
        v.number(),
        v.stage(),
        v.tlp(),
        v.writtenAt(),
        v.decidedAt() != null ? v.decidedAt() : v.writtenAt(),
        v.summary(),
        v.occurredAt(),
        v.detectedAt(),
        eventType == null
            ? new ExportedReportVersion.EventType(
                v.eventType(), "OTHER", new LocalizedText(v.eventType(), ""))
            : new ExportedReportVersion.EventType(
                eventType.code(), eventType.group(), eventType.name()),
        v.impact(),
        v.causes(),
        v.service(),
        ExportedReportVersion.Answer.valueOf(v.otherSectorsAffected().name()),
        ExportedReportVersion.Verification.valueOf(v.verificationLevel().name()),
        ExportedReportVersion.Response.valueOf(v.responseStatus().name()),
        v.details(),
        v.indicators(),
        indicators(v.indicators()));
  }

  private ExportedAdvisory exported(Advisory advisory, Map<UUID, SectorSummary> sectors) {
    ExportedOrganisation issuer =
        organisations(List.of(advisory.issuer()), sectors).get(advisory.issuer());
    return new ExportedAdvisory(
        advisory.id(),
        advisory.reference(),
        issuer,
        advisory.title(),
        advisory.body(),
        advisory.indicators(),
        indicators(advisory.indicators()),
        advisory.tlp(),
        advisory.issuedAt(),
        advisory.acknowledgeBy(),
        advisory.sanitised()
            ? source(advisory.sourceSector() == null ? null : sectors.get(advisory.sourceSector()))
            : null,
        advisory.disclosure());
  }

  private ExportedAdvisory.SanitisedSource source(@Nullable SectorSummary sector) {
    LocalizedText name = sector == null ? null : sector.name();
    return new ExportedAdvisory.SanitisedSource(
        sector == null ? null : sector.code(),
        new LocalizedText(
            sanitisation.reporter(name, Locale.JAPANESE),
            sanitisation.reporter(name, Locale.ENGLISH)));
  }

  private static List<ExportedIndicator> indicators(String text) {
    return Indicators.in(text).stream()
        .map(
            i ->
                new ExportedIndicator(
                    ExportedIndicator.Type.valueOf(i.kind().name()), i.normalised()))
        .toList();
  }

  /** Organisations by id; one that has left the directory keeps its id and a "?" for a name. */
  private Map<OrganisationId, ExportedOrganisation> organisations(
      Collection<OrganisationId> ids, Map<UUID, SectorSummary> sectors) {
    Map<OrganisationId, OrganisationSummary> found = directory.organisations(ids);
    return ids.stream()
        .collect(
            Collectors.toMap(
                id -> id,
                id -> {
                  OrganisationSummary o = found.get(id);
                  return o == null
                      ? new ExportedOrganisation(id, "?", "?", null)
                      : new ExportedOrganisation(
                          id,
                          o.nameJa(),
                          o.nameEn(),
                          o.sector() == null ? null : code(sectors, o.sector().value()));
                }));
  }

  private Map<UUID, SectorSummary> sectors() {
    return directory.sectors().stream().collect(Collectors.toMap(s -> s.id().value(), s -> s));
  }

  private static @Nullable String code(Map<UUID, SectorSummary> sectors, @Nullable UUID sector) {
    SectorSummary found = sector == null ? null : sectors.get(sector);
    return found == null ? null : found.code();
  }
}
