package org.mamori.sharing.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A table of report counts as a trend page shows it: labelled rows (optionally in groups), a column
 * per fiscal year or quarter, and totals. Every count links to the reports behind it, as far as the
 * reader may read them.
 *
 * @param total the totals row; null when totals would mislead (causes are multiple choice)
 */
record TrendTable(List<String> columns, List<Row> rows, @Nullable Row total) {

  /**
   * @param group the group this row belongs to, null when the table has none
   * @param groupSpan on a group's first row, how many rows the group has; 0 on the others
   */
  record Row(String label, @Nullable String group, int groupSpan, List<Cell> cells, Cell total) {}

  /** A count and where its reports are listed; no link where no list can be drawn. */
  record Cell(long count, @Nullable String link) {}

  public boolean grouped() {
    return rows.stream().anyMatch(r -> r.group() != null);
  }
}
