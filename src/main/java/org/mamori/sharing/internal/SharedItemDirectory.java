package org.mamori.sharing.internal;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.mamori.access.AccessPolicy;
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

  SharedItemDirectory(
      Reports reports, ReportVersions versions, Advisories advisories, AccessPolicy access) {
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
        .filter(report -> access.mayRead(reader, report.disclosure()))
        .flatMap(
            report ->
                versions.of(report.id()).stream()
                    .filter(ReportVersion::released)
                    .filter(v -> access.mayRead(reader, report.disclosure(v.tlp())))
                    .reduce((first, second) -> second)
                    .map(
                        latest ->
                            new Notice(
                                item,
                                report.reference(),
                                latest.summary(),
                                report.disclosure(latest.tlp()).tlp(),
                                "/reports/" + report.reference())));
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
