package org.mamori.situation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mamori.directory.Directory;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.ReportSummaries;
import org.mamori.sharing.ReportSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reports in a situation's scope as the national hub may read them now (through the sharing
 * module's one access decision): what SITREPs count, the sector map shows and the follow-up watch
 * weighs. Reports the hub may not read, and TLP:RED ones, are only counted.
 */
@Component
@Transactional(readOnly = true)
class ScopeReports {

  /** A readable report in scope, and when it came into the scope. */
  record Read(ReportSummary summary, Instant addedAt) {}

  /** The readable reports in scope, newest arrival first, and how many others there are. */
  record Picture(List<Read> readable, int unreadable) {}

  private final Situations situations;
  private final ReportSummaries summaries;
  private final Directory directory;

  ScopeReports(Situations situations, ReportSummaries summaries, Directory directory) {
    this.situations = situations;
    this.summaries = summaries;
    this.directory = directory;
  }

  Picture of(UUID situation) {
    OrganisationId hub = directory.nationalHub().id();
    List<Read> readable = new ArrayList<>();
    int unreadable = 0;
    for (Situations.InScope report : situations.inScope(situation)) {
      Optional<ReportSummary> summary = summaries.readableBy(hub, report.reference());
      if (summary.isPresent()) {
        readable.add(new Read(summary.get(), report.addedAt()));
      } else {
        unreadable++;
      }
    }
    return new Picture(readable, unreadable);
  }
}
