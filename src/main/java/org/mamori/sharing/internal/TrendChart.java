package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A bar chart drawn on the server as SVG (no script: the pages' security policy forbids inline
 * scripts), always shown beside a table with the same numbers. Geometry is in the units of a
 * {@value #WIDTH}-wide view box, so the chart scales with the page.
 */
record TrendChart(Kind kind, String title, List<Bar> bars, int height) {

  static final int WIDTH = 600;

  /** Horizontal bars each labelled above, or columns over time with a tick for each year. */
  enum Kind {
    BARS,
    COLUMNS
  }

  /**
   * @param label what the bar counts, in full (also the bar's tooltip)
   * @param tick the short label under a column, null when the column has none
   */
  record Bar(
      String label,
      @Nullable String tick,
      long count,
      double x,
      double y,
      double width,
      double height) {

    /** Where the count is written: after a bar, above a column. */
    public double countX() {
      return round(x + width + 6);
    }

    public double countY() {
      return round(y + 12);
    }
  }

  /** One labelled value. */
  record Value(String label, @Nullable String tick, long count) {}

  private static final int PITCH = 34;
  private static final int BAR = 14;
  private static final int LONGEST_BAR = 520;
  private static final int COLUMN_AREA = 170;
  private static final int COLUMN_BASE = 186;

  /** Horizontal bars, one row per value, its label above it. */
  static TrendChart bars(String title, List<Value> values) {
    long max = max(values);
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      bars.add(
          new Bar(
              v.label(),
              v.tick(),
              v.count(),
              0,
              i * PITCH + 17,
              round((double) v.count() / max * LONGEST_BAR),
              BAR));
    }
    return new TrendChart(Kind.BARS, title, bars, values.size() * PITCH + 4);
  }

  /** Columns over time, side by side. */
  static TrendChart columns(String title, List<Value> values) {
    long max = max(values);
    double slot = values.isEmpty() ? WIDTH : (double) WIDTH / values.size();
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      Value v = values.get(i);
      double height = round((double) v.count() / max * COLUMN_AREA);
      bars.add(
          new Bar(
              v.label(),
              v.tick(),
              v.count(),
              round(i * slot + slot * 0.15),
              round(COLUMN_BASE - height),
              round(slot * 0.7),
              height));
    }
    return new TrendChart(Kind.COLUMNS, title, bars, COLUMN_BASE + 22);
  }

  /** Where columns stand. */
  public int baseY() {
    return COLUMN_BASE;
  }

  /** Where column ticks are written. */
  public int tickY() {
    return COLUMN_BASE + 18;
  }

  public String viewBox() {
    return "0 0 " + WIDTH + " " + height;
  }

  private static long max(List<Value> values) {
    return Math.max(1, values.stream().mapToLong(Value::count).max().orElse(1));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }
}
