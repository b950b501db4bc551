package org.mamori.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.sharing.SituationCadence;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Each case's reporting clock for one reader: the originator's regime, the open situations'
 * rhythms, and the versions the reader may read, put to {@link ReportingClock}. A reader who may
 * read only some versions sees the clock as far as those go: nothing tells them a version they may
 * not read exists.
 */
@Component
class ReportClocks {

  private final ReportingRegimes regimes;
  private final ReportVersions versions;
  private final ObjectProvider<SituationCadence> cadence;
  private final Clock clock;

  ReportClocks(
      ReportingRegimes regimes,
      ReportVersions versions,
      ObjectProvider<SituationCadence> cadence,
      Clock clock) {
    this.regimes = regimes;
    this.versions = versions;
    this.cadence = cadence;
    this.clock = clock;
  }

  /** A case and the versions its reader may read, oldest first. */
  record Case(
      UUID id, OrganisationId originator, @Nullable UUID sector, List<ReportVersion> read) {}

  /** The next report due on a case, or empty when it is closed or the reader reads no version. */
  Optional<ReportingClock.NextDue> of(Case c) {
    return Optional.ofNullable(of(List.of(c)).get(c.id()));
  }

  /** The next report due on each open case the reader reads a version of. */
  Map<UUID, ReportingClock.NextDue> of(Collection<Case> cases) {
    Map<UUID, ReportingClock.NextDue> due = new HashMap<>();
    if (cases.isEmpty()) {
      return due;
    }
    Map<OrganisationId, ReportingRegime> regime =
        regimes.of(cases.stream().map(Case::originator).distinct().toList());
    List<SituationCadence.Rhythm> rhythms = new ArrayList<>();
    cadence.orderedStream().forEach(c -> rhythms.addAll(c.current()));
    Instant now = clock.instant();
    for (Case c : cases) {
      facts(c)
          .flatMap(f -> ReportingClock.next(regime.get(c.originator()), f, rhythms, now))
          .ifPresent(d -> due.put(c.id(), d));
    }
    return due;
  }

  /** The versions of each report, oldest first, for lists to narrow to what each reader reads. */
  Map<UUID, List<ReportVersion>> versionsOf(Collection<UUID> reports) {
    return versions.of(reports);
  }

  private static Optional<ReportingClock.Facts> facts(Case c) {
    if (c.read().isEmpty()) {
      return Optional.empty();
    }
    ReportVersion latest =
        c.read().stream()
            .filter(ReportVersion::released)
            .reduce((a, b) -> b)
            .orElse(c.read().get(c.read().size() - 1));
    List<ReportingClock.Sent> sent =
        c.read().stream()
            .filter(ReportVersion::released)
            .map(
                v ->
                    new ReportingClock.Sent(
                        v.stage(),
                        v.decidedAt() != null ? v.decidedAt() : v.writtenAt(),
                        v.responseStatus() == ReportContent.Response.RECOVERED))
            .toList();
    return Optional.of(
        new ReportingClock.Facts(
            latest.detectedAt(), c.sector() == null ? null : new SectorId(c.sector()), sent));
  }
}
