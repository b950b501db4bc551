package org.mamori.situation.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.mamori.shared.LocalizedText;

/**
 * The Japanese text a SITREP draft starts from, written from its figures with the situation
 * bundle's sentences; the duty officer edits it before issuing.
 */
final class SitrepText {

  private static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'JST'").withZone(ZoneId.of("Asia/Tokyo"));

  private SitrepText() {}

  static String show(Instant at) {
    return SHOWN.format(at);
  }

  static String title(Labels labels, Situation s, int number) {
    return labels.ja("situation.sitrep.text.title", number, s.reference(), s.title());
  }

  static String draft(
      Labels labels,
      Situation s,
      int number,
      LocalizedText level,
      List<LocalizedText> scope,
      SitrepFigures f) {
    StringBuilder text = new StringBuilder();
    line(text, title(labels, s, number));
    line(text, labels.ja("situation.sitrep.text.compiledAt", show(f.compiledAt())));
    line(text, labels.ja("situation.sitrep.text.level", level.ja()));
    line(
        text,
        labels.ja(
            "situation.sitrep.text.scope",
            s.national()
                ? labels.ja("situation.scope.national")
                : scope.stream().map(LocalizedText::ja).collect(Collectors.joining("、"))));
    text.append('\n');
    line(text, labels.ja("situation.sitrep.text.reports", f.reports()));
    counts(text, labels, "situation.sitrep.text.bySector", f.bySector());
    counts(text, labels, "situation.sitrep.text.byStage", f.byStage());
    counts(text, labels, "situation.sitrep.text.byResponse", f.byResponse());
    counts(text, labels, "situation.sitrep.text.byImpact", f.byImpact());
    if (f.unreadable() > 0) {
      line(text, labels.ja("situation.sitrep.text.unreadable", f.unreadable()));
    }
    text.append('\n');
    line(
        text,
        f.since() == null
            ? labels.ja("situation.sitrep.text.sinceOpening")
            : labels.ja("situation.sitrep.text.sincePrevious", f.previous(), show(f.since())));
    reports(text, labels, "situation.sitrep.text.newReports", f.newReports());
    reports(text, labels, "situation.sitrep.text.updatedReports", f.updatedReports());
    for (SitrepFigures.LevelStep step : f.levelChanges()) {
      line(
          text,
          step.from() == null
              ? labels.ja("situation.sitrep.text.opened", step.to().ja(), show(step.at()))
              : labels.ja(
                  "situation.sitrep.text.levelChanged",
                  step.from().ja(),
                  step.to().ja(),
                  show(step.at())));
    }
    if (f.newReports().isEmpty() && f.updatedReports().isEmpty() && f.levelChanges().isEmpty()) {
      line(text, labels.ja("situation.sitrep.text.nothingNew"));
    }
    text.append('\n');
    line(text, labels.ja("situation.sitrep.text.next"));
    line(text, labels.ja("situation.sitrep.text.nextHint"));
    return text.toString().strip();
  }

  private static void counts(
      StringBuilder text, Labels labels, String key, List<SitrepFigures.Count> counts) {
    if (counts.isEmpty()) {
      return;
    }
    line(
        text,
        labels.ja(
            key,
            counts.stream()
                .map(c -> labels.ja("situation.sitrep.text.count", c.name().ja(), c.count()))
                .collect(Collectors.joining("、"))));
  }

  private static void reports(
      StringBuilder text, Labels labels, String key, List<SitrepFigures.Line> lines) {
    if (lines.isEmpty()) {
      return;
    }
    line(
        text,
        labels.ja(
            key,
            lines.size(),
            lines.stream()
                .map(
                    l ->
                        labels.ja(
                            "situation.sitrep.text.report",
                            l.reference(),
                            l.sector().ja(),
                            l.impact().ja(),
                            l.stage().ja()))
                .collect(Collectors.joining("、"))));
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append('\n');
  }
}
