package org.mamori.sharing.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;

/**
 * What the trend pages count: released reports of a span of Japanese fiscal years, optionally
 * narrowed to one sector, event type or cause, to those that reached the national hub, and (for a
 * drill-down) to one quarter or to those that reached their sector's verification level.
 *
 * @param from the first fiscal year
 * @param to the last fiscal year (inclusive)
 * @param quarter one quarter of {@code from}, only when {@code from == to}
 * @param sector a sector code, or {@link #NONE} for reports without a sector
 * @param eventType an event type code
 * @param cause a cause code, or {@link #NONE} for reports that name no cause
 */
record TrendFilter(
    int from,
    int to,
    @Nullable Integer quarter,
    @Nullable String sector,
    @Nullable String eventType,
    @Nullable String cause,
    boolean hubOnly,
    boolean reachedOnly) {

  /** Reports without a sector, or without a cause. */
  static final String NONE = "none";

  /** The most years one page counts. */
  static final int MAX_YEARS = 30;

  /** The years shown when none are asked for. */
  static final int DEFAULT_YEARS = 10;

  TrendFilter {
    if (from > to) {
      throw new IllegalArgumentException("from " + from + " is after " + to);
    }
    if (quarter != null && (from != to || quarter < 1 || quarter > 4)) {
      throw new IllegalArgumentException("a quarter belongs to one fiscal year");
    }
  }

  /**
   * The filter a request asks for, made sensible: unknown codes are ignored, years are kept within
   * {@link #MAX_YEARS} up to the current fiscal year, and without years the page counts from the
   * first year with reports (at most {@link #DEFAULT_YEARS} back) to the current one.
   */
  static TrendFilter read(
      @Nullable Integer from,
      @Nullable Integer to,
      @Nullable Integer quarter,
      @Nullable String sector,
      @Nullable String eventType,
      @Nullable String cause,
      boolean hubOnly,
      boolean reachedOnly,
      Codes codes,
      int currentYear,
      @Nullable Integer firstYearWithReports) {
    int last = to == null ? currentYear : Math.min(to, currentYear);
    int first;
    if (from != null) {
      first = from;
    } else if (firstYearWithReports != null) {
      first = Math.max(firstYearWithReports, last - DEFAULT_YEARS + 1);
    } else {
      first = last;
    }
    first = Math.max(Math.min(first, last), last - MAX_YEARS + 1);
    Integer onlyQuarter =
        quarter != null && first == last && quarter >= 1 && quarter <= 4 ? quarter : null;
    return new TrendFilter(
        first,
        last,
        onlyQuarter,
        known(sector, codes.sectors()),
        known(eventType, codes.eventTypes()),
        known(cause, codes.causes()),
        hubOnly,
        reachedOnly);
  }

  /** The codes a filter may name. */
  record Codes(Set<String> sectors, Set<String> eventTypes, Set<String> causes) {}

  private static @Nullable String known(@Nullable String code, Set<String> codes) {
    return code != null && (codes.contains(code) || NONE.equals(code)) ? code : null;
  }

  List<Integer> years() {
    return IntStream.rangeClosed(from, to).boxed().toList();
  }

  /** The first instant counted. */
  Instant start() {
    return quarter == null
        ? StatisticPeriod.startOf(from)
        : new StatisticPeriod(from, quarter).start();
  }

  /** The first instant after those counted. */
  Instant end() {
    return quarter == null ? StatisticPeriod.endOf(to) : new StatisticPeriod(from, quarter).end();
  }

  TrendFilter inYear(int year) {
    return new TrendFilter(year, year, null, sector, eventType, cause, hubOnly, reachedOnly);
  }

  TrendFilter inQuarter(int year, int q) {
    return new TrendFilter(year, year, q, sector, eventType, cause, hubOnly, reachedOnly);
  }

  TrendFilter inSector(String code) {
    return new TrendFilter(from, to, quarter, code, eventType, cause, hubOnly, reachedOnly);
  }

  TrendFilter ofEventType(String code) {
    return new TrendFilter(from, to, quarter, sector, code, cause, hubOnly, reachedOnly);
  }

  TrendFilter withCause(String code) {
    return new TrendFilter(from, to, quarter, sector, eventType, code, hubOnly, reachedOnly);
  }

  TrendFilter reachingTheLevel() {
    return new TrendFilter(from, to, quarter, sector, eventType, cause, hubOnly, true);
  }

  /** The list of the reports this filter counts, as far as the reader may read them. */
  String reportsLink() {
    return "/trends/reports?" + query();
  }

  /** The filter as URL parameters, as the trend pages read them. */
  String query() {
    List<String> parts = new ArrayList<>();
    parts.add("from=" + from);
    parts.add("to=" + to);
    add(parts, "quarter", quarter == null ? null : quarter.toString());
    add(parts, "sector", sector);
    add(parts, "eventType", eventType);
    add(parts, "cause", cause);
    if (hubOnly) {
      parts.add("hub=true");
    }
    if (reachedOnly) {
      parts.add("reached=true");
    }
    return String.join("&", parts);
  }

  private static void add(List<String> parts, String name, @Nullable String value) {
    if (value != null) {
      parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    }
  }
}
