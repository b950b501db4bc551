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

/** Answers other modules' questions about reports (and, later, advisories). */
@Service
@Transactional(readOnly = true)
class SharedItemDirectory implements SharedItems {

  private final Reports reports;
  private final ReportVersions versions;
  private final AccessPolicy access;

  SharedItemDirectory(Reports reports, ReportVersions versions, AccessPolicy access) {
    this.reports = reports;
    this.versions = versions;
    this.access = access;
  }

  @Override
  public Optional<Notice> noticeFor(ItemRef item, Actor reader) {
    if (item.kind() != Kind.REPORT) {
      return Optional.empty();
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
    if (item.kind() != Kind.REPORT) {
      return Set.of();
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
