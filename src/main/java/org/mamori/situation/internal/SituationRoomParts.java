package org.mamori.situation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.PersonSummary;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.AdvisoryIssuer;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.ReportSummary;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The parts of a situation room beyond its decisions: the SITREPs with their acknowledgements, the
 * map of affected sectors, and who has not sent a follow-up within the current level's interval.
 */
@Component
@Transactional(readOnly = true)
class SituationRoomParts {

  /** A SITREP as the room lists it; the advisory's figures only where the reader may read it. */
  record SitrepRow(
      int number,
      boolean draft,
      @Nullable Instant issuedAt,
      String issuedBy,
      @Nullable String advisoryReference,
      @Nullable Tlp tlp,
      int recipients,
      int acknowledged,
      @Nullable Instant acknowledgeBy) {}

  /** One of the sectors on the map. */
  record SectorCell(String code, LocalizedText name, boolean inScope, int reports) {}

  /** A report whose organisation owes a follow-up (続報). */
  record Overdue(
      OrganisationId organisation, String reference, Instant lastVersionAt, Instant dueAt) {}

  /** An overdue report with its organisation's name. */
  record OverdueRow(
      LocalizedText organisation, String reference, Instant lastVersionAt, Instant dueAt) {}

  record Parts(
      List<SitrepRow> sitreps,
      List<SituationViews.Moment> moments,
      List<SectorCell> map,
      @Nullable Integer followUpMinutes,
      List<OverdueRow> overdue) {}

  private final Sitreps sitreps;
  private final ScopeReports scope;
  private final SituationLevels levels;
  private final AdvisoryIssuer advisories;
  private final Directory directory;
  private final Clock clock;

  SituationRoomParts(
      Sitreps sitreps,
      ScopeReports scope,
      SituationLevels levels,
      AdvisoryIssuer advisories,
      Directory directory,
      Clock clock) {
    this.sitreps = sitreps;
    this.scope = scope;
    this.levels = levels;
    this.advisories = advisories;
    this.directory = directory;
    this.clock = clock;
  }

  Parts of(Situation s, Actor reader) {
    List<Sitrep> all = sitreps.of(s.id());
    Set<PersonId> people = new HashSet<>();
    all.forEach(x -> people.add(x.issuedBy() == null ? x.compiledBy() : x.issuedBy()));
    Map<PersonId, PersonSummary> names = directory.people(people);
    Map<Integer, AdvisoryIssuer.Receipts> receipts = new HashMap<>();
    for (Sitrep x : all) {
      if (x.advisory() != null) {
        advisories.receipts(reader, x.advisory()).ifPresent(r -> receipts.put(x.number(), r));
      }
    }
    Set<OrganisationId> organisations = new HashSet<>();
    receipts
        .values()
        .forEach(r -> r.acknowledgements().forEach(a -> organisations.add(a.organisation())));
    ScopeReports.Picture picture = scope.of(s.id());
    SituationLevel level = levels.get(s.level());
    List<Overdue> owed =
        s.open()
            ? level
                .followUpInterval()
                .map(interval -> overdue(summaries(picture), interval, clock.instant()))
                .orElse(List.of())
            : List.of();
    owed.forEach(o -> organisations.add(o.organisation()));
    Map<OrganisationId, OrganisationSummary> orgs = directory.organisations(organisations);

    List<SitrepRow> rows = new ArrayList<>();
    List<SituationViews.Moment> moments = new ArrayList<>();
    for (Sitrep x : all) {
      AdvisoryIssuer.Receipts r = receipts.get(x.number());
      String who = name(names, x.issuedBy() == null ? x.compiledBy() : x.issuedBy());
      rows.add(
          new SitrepRow(
              x.number(),
              x.draft(),
              x.issuedAt(),
              who,
              r == null ? null : r.reference(),
              r == null ? null : r.tlp(),
              r == null ? 0 : r.recipients(),
              r == null ? 0 : r.acknowledgements().size(),
              x.acknowledgeBy()));
      if (x.issuedAt() != null) {
        moments.add(
            new SituationViews.Moment(
                x.issuedAt(),
                "sitrep",
                who,
                null,
                r == null ? "" : r.reference(),
                null,
                null,
                x.number()));
      }
      if (r != null) {
        for (AdvisoryIssuer.Receipt a : r.acknowledgements()) {
          moments.add(
              new SituationViews.Moment(
                  a.at(),
                  a.late() ? "acknowledgedLate" : "acknowledged",
                  "",
                  null,
                  r.reference(),
                  null,
                  organisation(orgs, a.organisation()),
                  x.number()));
        }
      }
    }
    return new Parts(
        rows,
        moments,
        map(s, summaries(picture)),
        level.followUpMinutes(),
        owed.stream()
            .map(
                o ->
                    new OverdueRow(
                        organisation(orgs, o.organisation()),
                        o.reference(),
                        o.lastVersionAt(),
                        o.dueAt()))
            .sorted(Comparator.comparing(OverdueRow::dueAt))
            .toList());
  }

  /**
   * The reports whose latest version is older than the interval and that are not final: their
   * organisations owe a follow-up. Exactly at the due time is not yet late.
   */
  static List<Overdue> overdue(List<ReportSummary> reports, Duration interval, Instant now) {
    return reports.stream()
        .filter(r -> r.stage() != ReportStage.FINAL)
        .map(
            r ->
                new Overdue(
                    r.originator(), r.reference(), r.releasedAt(), r.releasedAt().plus(interval)))
        .filter(o -> o.dueAt().isBefore(now))
        .sorted(Comparator.comparing(Overdue::dueAt))
        .toList();
  }

  private List<SectorCell> map(Situation s, List<ReportSummary> reports) {
    Map<SectorId, Integer> counts = new HashMap<>();
    reports.forEach(
        r -> {
          if (r.sector() != null) counts.merge(r.sector(), 1, Integer::sum);
        });
    return directory.sectors().stream()
        .sorted(Comparator.comparingInt(SectorSummary::displayOrder))
        .map(
            x ->
                new SectorCell(
                    x.code(),
                    x.name(),
                    s.national() || s.sectors().contains(x.id()),
                    counts.getOrDefault(x.id(), 0)))
        .toList();
  }

  private static List<ReportSummary> summaries(ScopeReports.Picture picture) {
    return picture.readable().stream().map(ScopeReports.Read::summary).toList();
  }

  private static LocalizedText organisation(
      Map<OrganisationId, OrganisationSummary> names, OrganisationId id) {
    OrganisationSummary o = names.get(id);
    return o == null ? new LocalizedText("?", "?") : new LocalizedText(o.nameJa(), o.nameEn());
  }

  private static String name(Map<PersonId, PersonSummary> names, PersonId id) {
    PersonSummary found = names.get(id);
    return found == null ? "?" : found.displayName();
  }
}
