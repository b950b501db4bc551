package org.mamori.situation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.ReportSummary;

/**
 * Counts the reports in a situation's scope for a SITREP, and finds what is new since the previous
 * one: reports that came into the scope after it was issued, reports with a newer version since,
 * and level decisions since. Plain code over what it is given.
 */
final class SitrepCompiler {

  /** The codes of where a response stands, in the order a SITREP lists them. */
  static final List<String> RESPONSES = List.of("INVESTIGATING", "CONTAINED", "RECOVERED");

  /** Names for the codes a SITREP counts by, in both languages. */
  record Names(
      List<SectorSummary> sectors,
      LocalizedText noSector,
      Function<ReportStage, LocalizedText> stage,
      Function<String, LocalizedText> response) {

    LocalizedText sector(@Nullable SectorId id) {
      return sectors.stream()
          .filter(s -> s.id().equals(id))
          .map(SectorSummary::name)
          .findFirst()
          .orElse(noSector);
    }
  }

  private SitrepCompiler() {}

  /**
   * @param previous the number of the previous issued SITREP, null for the first
   * @param since when it was issued, null for the first: then every report and decision is new
   * @param history every level decision of the situation, oldest first
   */
  static SitrepFigures compile(
      List<ScopeReports.Read> readable,
      int unreadable,
      List<SitrepFigures.LevelStep> history,
      @Nullable Integer previous,
      @Nullable Instant since,
      Instant now,
      Names names) {
    List<ReportSummary> reports = readable.stream().map(ScopeReports.Read::summary).toList();
    List<SitrepFigures.Count> bySector = new ArrayList<>();
    for (SectorSummary sector : names.sectors()) {
      add(
          bySector,
          sector.code(),
          sector.name(),
          count(reports, r -> sector.id().equals(r.sector())));
    }
    add(bySector, "none", names.noSector(), count(reports, r -> r.sector() == null));
    List<SitrepFigures.Count> byStage = new ArrayList<>();
    for (ReportStage stage : ReportStage.values()) {
      add(
          byStage,
          stage.name(),
          names.stage().apply(stage),
          count(reports, r -> r.stage() == stage));
    }
    List<SitrepFigures.Count> byResponse = new ArrayList<>();
    for (String response : RESPONSES) {
      add(
          byResponse,
          response,
          names.response().apply(response),
          count(reports, r -> r.response().equals(response)));
    }
    Map<String, SitrepFigures.Count> impacts = new LinkedHashMap<>();
    for (ReportSummary r : reports) {
      impacts.merge(
          r.impact(),
          new SitrepFigures.Count(r.impact(), r.impactName(), 1),
          (a, b) -> new SitrepFigures.Count(a.code(), a.name(), a.count() + 1));
    }
    List<SitrepFigures.Count> byImpact =
        impacts.values().stream()
            .sorted(Comparator.comparingInt(SitrepFigures.Count::count).reversed())
            .toList();
    List<SitrepFigures.Line> fresh = new ArrayList<>();
    List<SitrepFigures.Line> updated = new ArrayList<>();
    for (ScopeReports.Read read : readable) {
      ReportSummary r = read.summary();
      SitrepFigures.Line line =
          new SitrepFigures.Line(
              r.reference(),
              names.sector(r.sector()),
              names.stage().apply(r.stage()),
              r.impactName(),
              r.releasedAt());
      if (since == null || read.addedAt().isAfter(since)) {
        fresh.add(line);
      } else if (r.releasedAt().isAfter(since)) {
        updated.add(line);
      }
    }
    Comparator<SitrepFigures.Line> byReference =
        Comparator.comparing(SitrepFigures.Line::reference);
    fresh.sort(byReference);
    updated.sort(byReference);
    List<SitrepFigures.LevelStep> steps =
        history.stream().filter(h -> since == null || h.at().isAfter(since)).toList();
    return new SitrepFigures(
        now,
        previous,
        since,
        reports.size(),
        unreadable,
        bySector,
        byStage,
        byResponse,
        byImpact,
        fresh,
        updated,
        steps);
  }

  private static int count(
      List<ReportSummary> reports, java.util.function.Predicate<ReportSummary> which) {
    return (int) reports.stream().filter(which).count();
  }

  private static void add(
      List<SitrepFigures.Count> counts, String code, LocalizedText name, int count) {
    if (count > 0) {
      counts.add(new SitrepFigures.Count(code, name, count));
    }
  }
}
