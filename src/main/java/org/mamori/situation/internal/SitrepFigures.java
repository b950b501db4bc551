package org.mamori.situation.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;

/**
 * What a SITREP draft was compiled from: the reports in scope the national hub may read, counted,
 * and what changed since the previous issued SITREP. Kept with the SITREP (as JSON) so the record
 * shows what the duty officer saw.
 *
 * @param previous the number of the previous issued SITREP; null for the first
 * @param since when the previous SITREP was issued; null for the first (everything is new)
 * @param reports the readable reports in scope
 * @param unreadable reports in scope the hub may not read (counted, never described)
 * @param newReports reports that came into scope since the previous SITREP
 * @param updatedReports reports already in scope with a newer version since then
 * @param levelChanges level decisions since then
 */
record SitrepFigures(
    Instant compiledAt,
    @Nullable Integer previous,
    @Nullable Instant since,
    int reports,
    int unreadable,
    List<Count> bySector,
    List<Count> byStage,
    List<Count> byResponse,
    List<Count> byImpact,
    List<Line> newReports,
    List<Line> updatedReports,
    List<LevelStep> levelChanges) {

  SitrepFigures {
    bySector = List.copyOf(bySector);
    byStage = List.copyOf(byStage);
    byResponse = List.copyOf(byResponse);
    byImpact = List.copyOf(byImpact);
    newReports = List.copyOf(newReports);
    updatedReports = List.copyOf(updatedReports);
    levelChanges = List.copyOf(levelChanges);
  }

  /** How many reports have one value (a sector, a stage, …). */
  record Count(String code, LocalizedText name, int count) {}

  /** One report, as a SITREP may name it: no originator, no text. */
  record Line(
      String reference,
      LocalizedText sector,
      LocalizedText stage,
      LocalizedText impact,
      Instant releasedAt) {}

  /** One level decision. */
  record LevelStep(Instant at, @Nullable LocalizedText from, LocalizedText to) {}
}
