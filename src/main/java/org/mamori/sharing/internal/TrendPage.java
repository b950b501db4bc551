package org.mamori.sharing.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What the trend page shows: counts only, never a report's content or originator. Labels are
 * already in the reader's language.
 *
 * @param total how many released reports the filter counts
 * @param reportsLink the list of those reports, as far as the reader may read them
 */
record TrendPage(
    TrendFilter filter,
    long total,
    String reportsLink,
    TrendTable byEventType,
    TrendChart yearChart,
    TrendChart eventTypeChart,
    TrendTable byQuarter,
    TrendChart quarterChart,
    TrendTable bySector,
    TrendChart sectorChart,
    TrendTable byCause,
    TrendChart causeChart,
    Levels verification,
    Choices choices) {

  /** Reports that reached their sector's verification level, per sector and fiscal year. */
  record Levels(List<String> columns, List<LevelRow> rows) {}

  /**
   * @param level the sector's verification level, as the reader reads it; null when it has none
   */
  record LevelRow(String sector, @Nullable String level, List<LevelCell> cells, LevelCell total) {}

  /**
   * @param reached how many reached the level (linked to their list)
   * @param reports how many reports the sector filed that year
   */
  record LevelCell(long reached, long reports, String link) {}

  /** What the filter form offers. */
  record Choices(
      List<Integer> years, List<Choice> sectors, List<Choice> eventTypes, List<Choice> causes) {}

  record Choice(String code, String name) {}
}
