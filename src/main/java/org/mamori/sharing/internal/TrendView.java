package org.mamori.sharing.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.LocalizedText;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Builds the trend page from the counts: tables, charts and the filter's choices. */
@Component
class TrendView {

  /** The most year ticks the quarter chart writes. */
  private static final int TICKS = 12;

  private final TrendStatistics statistics;
  private final TrendLevels levels;
  private final Taxonomy taxonomy;
  private final Directory directory;
  private final MessageSource messages;
  private final Clock clock;

  TrendView(
      TrendStatistics statistics,
      TrendLevels levels,
      Taxonomy taxonomy,
      Directory directory,
      MessageSource messages,
      Clock clock) {
    this.statistics = statistics;
    this.levels = levels;
    this.taxonomy = taxonomy;
    this.directory = directory;
    this.messages = messages;
    this.clock = clock;
  }

  /** The filter a request asks for, within what exists (see {@link TrendFilter#read}). */
  TrendFilter filter(
      @Nullable Integer from,
      @Nullable Integer to,
      @Nullable Integer quarter,
      @Nullable String sector,
      @Nullable String eventType,
      @Nullable String cause,
      boolean hubOnly,
      boolean reachedOnly) {
    TrendFilter.Codes codes =
        new TrendFilter.Codes(
            directory.sectors().stream().map(SectorSummary::code).collect(Collectors.toSet()),
            Taxonomy.codes(taxonomy.eventTypes()),
            Taxonomy.codes(taxonomy.causes()));
    return TrendFilter.read(
        from,
        to,
        quarter,
        sector,
        eventType,
        cause,
        hubOnly,
        reachedOnly,
        codes,
        currentYear(),
        statistics.firstFiscalYear());
  }

  int currentYear() {
    return StatisticPeriod.fiscalYearOf(clock.instant());
  }

  TrendPage page(TrendFilter filter, Locale locale) {
    List<Integer> years = filter.years();
    List<String> yearColumns = years.stream().map(y -> year(y, locale)).toList();
    List<SectorSummary> sectors = directory.sectors();
    Map<UUID, String> sectorCodes =
        sectors.stream().collect(Collectors.toMap(s -> s.id().value(), SectorSummary::code));

    Tally<String> events = new Tally<>();
    Tally<String> bySector = new Tally<>();
    Tally<String> reached = new Tally<>();
    Tally<Integer> quarters = new Tally<>();
    Tally<String> all = new Tally<>();
    for (TrendStatistics.Count c : statistics.counts(filter)) {
      String sector =
          c.sector() == null
              ? TrendFilter.NONE
              : sectorCodes.getOrDefault(c.sector(), TrendFilter.NONE);
      events.add(c.eventType(), c.fiscalYear(), c.reports());
      bySector.add(sector, c.fiscalYear(), c.reports());
      quarters.add(c.quarter(), c.fiscalYear(), c.reports());
      all.add("", c.fiscalYear(), c.reports());
      if (c.verification() == ReportContent.Verification.REACHED) {
        reached.add(sector, c.fiscalYear(), c.reports());
      }
    }
    Tally<String> causes = new Tally<>();
    statistics.causes(filter).forEach(c -> causes.add(c.cause(), c.fiscalYear(), c.reports()));

    // Retired entries are still counted; they take a row only where they counted something.
    List<Taxonomy.Option> allEventTypes = taxonomy.eventTypes();
    List<Taxonomy.Option> allCauses = taxonomy.causes();
    List<Taxonomy.Option> eventTypes =
        allEventTypes.stream().filter(t -> !t.retired() || events.total(t.code()) > 0).toList();
    List<Taxonomy.Option> causeOptions =
        allCauses.stream().filter(c -> !c.retired() || causes.total(c.code()) > 0).toList();
    TrendTable.Row totals =
        row(
            message("trends.total", locale),
            null,
            0,
            years,
            y -> all.get("", y),
            filter::inYear,
            filter);

    List<TrendTable.Row> eventRows = new ArrayList<>();
    for (int i = 0; i < eventTypes.size(); i++) {
      Taxonomy.Option type = eventTypes.get(i);
      eventRows.add(
          row(
              type.name().in(locale),
              message("trends.threat." + type.group(), locale),
              span(eventTypes, i),
              years,
              y -> events.get(type.code(), y),
              y -> filter.inYear(y).ofEventType(type.code()),
              filter.ofEventType(type.code())));
    }

    List<TrendTable.Row> quarterRows = new ArrayList<>();
    for (int year : years) {
      quarterRows.add(
          row(
              year(year, locale),
              null,
              0,
              List.of(1, 2, 3, 4),
              q -> quarters.get(q, year),
              q -> filter.inQuarter(year, q),
              filter.inYear(year)));
    }
    List<TrendTable.Cell> quarterTotals =
        IntStream.rangeClosed(1, 4)
            .mapToObj(q -> new TrendTable.Cell(quarters.total(q), null))
            .toList();
    TrendTable.Row quarterTotal =
        new TrendTable.Row(
            message("trends.total", locale),
            null,
            0,
            quarterTotals,
            new TrendTable.Cell(all.total(""), filter.reportsLink()));

    List<TrendTable.Row> sectorRows = new ArrayList<>();
    for (SectorSummary sector : sectors) {
      sectorRows.add(
          row(
              sector.name().in(locale),
              null,
              0,
              years,
              y -> bySector.get(sector.code(), y),
              y -> filter.inYear(y).inSector(sector.code()),
              filter.inSector(sector.code())));
    }
    if (bySector.total(TrendFilter.NONE) > 0) {
      sectorRows.add(
          row(
              message("trends.sector.none", locale),
              null,
              0,
              years,
              y -> bySector.get(TrendFilter.NONE, y),
              y -> filter.inYear(y).inSector(TrendFilter.NONE),
              filter.inSector(TrendFilter.NONE)));
    }

    List<TrendTable.Row> causeRows = new ArrayList<>();
    for (int i = 0; i < causeOptions.size(); i++) {
      Taxonomy.Option cause = causeOptions.get(i);
      causeRows.add(
          row(
              cause.name().in(locale),
              message("reportForm.causeGroup." + cause.group(), locale),
              span(causeOptions, i),
              years,
              y -> causes.get(cause.code(), y),
              y -> filter.inYear(y).withCause(cause.code()),
              filter.withCause(cause.code())));
    }
    causeRows.add(
        row(
            message("trends.cause.none", locale),
            null,
            0,
            years,
            y -> causes.get("", y),
            y -> filter.inYear(y).withCause(TrendFilter.NONE),
            filter.withCause(TrendFilter.NONE)));

    // Year ticks under the quarter columns stay legible: at most about a dozen of them.
    int tickEvery = (years.size() + TICKS - 1) / TICKS;
    List<String> quarterColumns =
        IntStream.rangeClosed(1, 4).mapToObj(q -> message("trends.quarter." + q, locale)).toList();
    return new TrendPage(
        filter,
        all.total(""),
        filter.reportsLink(),
        new TrendTable(yearColumns, eventRows, totals),
        TrendChart.bars(
            message("trends.chart.years", locale),
            years.stream()
                .map(y -> new TrendChart.Value(year(y, locale), null, all.get("", y)))
                .toList()),
        TrendChart.bars(
            message("trends.chart.eventTypes", locale),
            eventTypes.stream()
                .map(t -> new TrendChart.Value(t.name().in(locale), null, events.total(t.code())))
                .toList()),
        new TrendTable(quarterColumns, quarterRows, quarterTotal),
        TrendChart.columns(
            message("trends.chart.quarters", locale),
            years.stream()
                .flatMap(
                    y ->
                        IntStream.rangeClosed(1, 4)
                            .mapToObj(
                                q ->
                                    new TrendChart.Value(
                                        message(
                                            "trends.quarterOf",
                                            locale,
                                            String.valueOf(y),
                                            String.valueOf(q)),
                                        q == 1 && (y - filter.from()) % tickEvery == 0
                                            ? String.valueOf(y)
                                            : null,
                                        quarters.get(q, y))))
                .toList()),
        new TrendTable(yearColumns, sectorRows, totals),
        TrendChart.bars(
            message("trends.chart.sectors", locale),
            sectorRows.stream()
                .map(r -> new TrendChart.Value(r.label(), null, r.total().count()))
                .toList()),
        new TrendTable(yearColumns, causeRows, null),
        TrendChart.bars(
            message("trends.chart.causes", locale),
            causeRows.stream()
                .filter(r -> r.total().count() > 0)
                .map(r -> new TrendChart.Value(r.label(), null, r.total().count()))
                .toList()),
        verification(filter, years, yearColumns, sectors, bySector, reached, locale),
        choices(filter, sectors, allEventTypes, allCauses, locale));
  }

  private TrendPage.Levels verification(
      TrendFilter filter,
      List<Integer> years,
      List<String> yearColumns,
      List<SectorSummary> sectors,
      Tally<String> bySector,
      Tally<String> reached,
      Locale locale) {
    Map<UUID, TrendLevels.SectorLevels> defined = levels.all();
    List<TrendPage.LevelRow> rows = new ArrayList<>();
    for (SectorSummary sector : sectors) {
      TrendLevels.SectorLevels level = defined.get(sector.id().value());
      LocalizedText verification = level == null ? null : level.verification();
      String code = sector.code();
      if (verification == null && reached.total(code) == 0) {
        continue;
      }
      List<TrendPage.LevelCell> cells = new ArrayList<>();
      for (int year : years) {
        cells.add(
            new TrendPage.LevelCell(
                reached.get(code, year),
                bySector.get(code, year),
                filter.inYear(year).inSector(code).reachingTheLevel().reportsLink()));
      }
      rows.add(
          new TrendPage.LevelRow(
              sector.name().in(locale),
              verification == null ? null : verification.in(locale),
              cells,
              new TrendPage.LevelCell(
                  reached.total(code),
                  bySector.total(code),
                  filter.inSector(code).reachingTheLevel().reportsLink())));
    }
    return new TrendPage.Levels(yearColumns, rows);
  }

  private TrendPage.Choices choices(
      TrendFilter filter,
      List<SectorSummary> sectors,
      List<Taxonomy.Option> eventTypes,
      List<Taxonomy.Option> causes,
      Locale locale) {
    Integer first = statistics.firstFiscalYear();
    int current = currentYear();
    int earliest =
        Math.max(
            current - TrendFilter.MAX_YEARS + 1,
            Math.min(filter.from(), first == null ? current : first));
    List<Integer> years = new ArrayList<>();
    for (int y = current; y >= earliest; y--) {
      years.add(y);
    }
    return new TrendPage.Choices(
        years,
        sectors.stream().map(s -> new TrendPage.Choice(s.code(), s.name().in(locale))).toList(),
        eventTypes.stream().map(t -> new TrendPage.Choice(t.code(), t.name().in(locale))).toList(),
        causes.stream().map(c -> new TrendPage.Choice(c.code(), c.name().in(locale))).toList());
  }

  /** A row of counts, each linked to its reports, with its total. */
  private static <K> TrendTable.Row row(
      String label,
      @Nullable String group,
      int groupSpan,
      List<K> columns,
      Function<K, Long> count,
      Function<K, TrendFilter> cell,
      TrendFilter whole) {
    List<TrendTable.Cell> cells = new ArrayList<>();
    long total = 0;
    for (K column : columns) {
      long n = count.apply(column);
      total += n;
      cells.add(new TrendTable.Cell(n, cell.apply(column).reportsLink()));
    }
    return new TrendTable.Row(
        label, group, groupSpan, cells, new TrendTable.Cell(total, whole.reportsLink()));
  }

  /** On the first option of a run of one group, how long the run is; 0 inside a run. */
  static int span(List<Taxonomy.Option> options, int index) {
    String group = options.get(index).group();
    if (index > 0 && options.get(index - 1).group().equals(group)) {
      return 0;
    }
    int end = index;
    while (end < options.size() && options.get(end).group().equals(group)) {
      end++;
    }
    return end - index;
  }

  /** What a filter counts, in words, one part each. */
  List<String> describe(TrendFilter filter, Locale locale) {
    List<String> parts = new ArrayList<>();
    parts.add(
        filter.from() == filter.to()
            ? year(filter.from(), locale)
            : message(
                "trends.years",
                locale,
                String.valueOf(filter.from()),
                String.valueOf(filter.to())));
    if (filter.quarter() != null) {
      parts.add(message("trends.quarter." + filter.quarter(), locale));
    }
    if (TrendFilter.NONE.equals(filter.sector())) {
      parts.add(message("trends.sector.none", locale));
    } else if (filter.sector() != null) {
      directory.sectors().stream()
          .filter(s -> s.code().equals(filter.sector()))
          .findFirst()
          .ifPresent(s -> parts.add(s.name().in(locale)));
    }
    if (filter.eventType() != null) {
      taxonomy.eventTypes().stream()
          .filter(t -> t.code().equals(filter.eventType()))
          .findFirst()
          .ifPresent(t -> parts.add(t.name().in(locale)));
    }
    if (TrendFilter.NONE.equals(filter.cause())) {
      parts.add(message("trends.cause.none", locale));
    } else if (filter.cause() != null) {
      taxonomy.causes().stream()
          .filter(c -> c.code().equals(filter.cause()))
          .findFirst()
          .ifPresent(c -> parts.add(c.name().in(locale)));
    }
    if (filter.hubOnly()) {
      parts.add(message("trends.filter.hubOnly", locale));
    }
    if (filter.reachedOnly()) {
      parts.add(message("trends.reports.reachedOnly", locale));
    }
    return parts;
  }

  String year(int fiscalYear, Locale locale) {
    return message("trends.fiscalYear", locale, String.valueOf(fiscalYear));
  }

  private String message(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** Counts by a key and a fiscal year. */
  private static final class Tally<K> {

    private final Map<K, Map<Integer, Long>> counts = new HashMap<>();

    void add(K key, int year, long n) {
      counts.computeIfAbsent(key, k -> new HashMap<>()).merge(year, n, Long::sum);
    }

    long get(K key, int year) {
      return counts.getOrDefault(key, Map.of()).getOrDefault(year, 0L);
    }

    long total(K key) {
      return counts.getOrDefault(key, Map.of()).values().stream().mapToLong(Long::longValue).sum();
    }
  }
}
