package org.mamori.sharing.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.SharedItems;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Answers other modules' questions about reports and advisories. */
@Service
@Transactional(readOnly = true)
class SharedItemDirectory implements SharedItems {

  private final Reports reports;
  private final ReportVersions versions;
  private final Advisories advisories;
  private final AccessPolicy access;
  private final ReportDisclosures disclosures;

  SharedItemDirectory(
      Reports reports,
      ReportVersions versions,
      Advisories advisories,
      AccessPolicy access,
      ReportDisclosures disclosures) {
    this.disclosures = disclosures;
    this.reports = reports;
    this.versions = versions;
    this.advisories = advisories;
    this.access = access;
  }

  @Override
  public Optional<Notice> noticeFor(ItemRef item, Actor reader) {
    if (item.kind() == Kind.ADVISORY) {
      return advisories
          .findById(item.id())
          .filter(advisory -> access.mayRead(reader, advisory.disclosure()))
          .map(
              advisory ->
                  new Notice(
                      item,
                      advisory.reference(),
                      advisory.title(),
                      advisory.tlp(),
                      "/advisories/" + advisory.reference()));
    }
    return reports
        .findById(item.id())
        .filter(Report::released)
        .flatMap(report -> latestReadable(report, reader, item));
  }

  private Optional<Notice> latestReadable(Report report, Actor reader, ItemRef item) {
    Disclosure shown = disclosures.of(report);
    if (!access.mayRead(reader, shown)) {
      return Optional.empty();
    }
    return versions.of(report.id()).stream()
        .filter(ReportVersion::released)
        .filter(v -> access.mayRead(reader, shown.under(v.tlp())))
        .reduce((first, second) -> second)
        .map(
            latest ->
                new Notice(
                    item,
                    report.reference(),
                    latest.summary(),
                    shown.under(latest.tlp()).tlp(),
                    "/reports/" + report.reference()));
  }

  @Override
  public Set<OrganisationId> reachedOrganisations(ItemRef item) {
    if (item.kind() == Kind.ADVISORY) {
      return advisories.findById(item.id()).map(Advisory::recipients).orElse(Set.of());
    }
    return reports
        .findById(item.id())
        .map(
            report ->
                report.hopsInOrder().stream()
                    .map(hop -> new OrganisationId(hop.organisationId()))
                    .collect(Collectors.toSet()))
        .orElse(Set.of());
  }
}
