package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.SectorSummary;
import org.mamori.platform.SqlTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counts released reports for the trend pages, in SQL, whoever asks: statistics count every report,
 * also those the reader may not read, and return nothing but counts. A report counts once, in the
 * fiscal year and quarter it was first released (Japan time), with what its latest released version
 * says (event type, causes, verification level).
 */
@Component
class TrendStatistics {

  /** Released reports ({@code r}) with their latest released version ({@code l}). */
  static final String RELEASED_REPORTS = releasedReports("");

  /** Each report once per cause it names, or once with the cause "" when it names none. */
  private static final String PER_CAUSE =
      releasedReports(
          """
          cross join lateral unnest(case when cardinality(l.causes) = 0 then array['']::text[]
                                         else l.causes end) as c(cause)
          """);

  private static String releasedReports(String join) {
    return """
        from report r
        join lateral (select v.event_type, v.causes, v.verification_level, v.tlp, v.summary
                      from report_version v
                      where v.report_id = r.id and v.state = 'RELEASED'
                      order by v.number desc limit 1) l on true
        %s
        where r.submitted_at >= :start and r.submitted_at < :end
        """
        .formatted(join);
  }

  private final JdbcClient jdbc;
  private final Directory directory;

  TrendStatistics(JdbcClient jdbc, Directory directory) {
    this.jdbc = jdbc;
    this.directory = directory;
  }

  /** How many reports share a fiscal year, quarter, sector, event type and verification answer. */
  record Count(
      int fiscalYear,
      int quarter,
      @Nullable UUID sector,
      String eventType,
      ReportContent.Verification verification,
      long reports) {}

  /** How many reports of a fiscal year name a cause ("" for those that name none). */
  record CauseCount(int fiscalYear, String cause, long reports) {}

  List<Count> counts(TrendFilter filter) {
    Conditions where = conditions(filter);
    return jdbc.sql(
            """
            select %s as fiscal_year, %s as quarter, r.sector_id, l.event_type,
                   l.verification_level, count(*) as reports
            %s %s
            group by 1, 2, 3, 4, 5
            """
                .formatted(
                    StatisticPeriod.SQL_FISCAL_YEAR,
                    StatisticPeriod.SQL_QUARTER,
                    RELEASED_REPORTS,
                    where.sql()))
        .params(where.params())
        .query(
            (rs, i) ->
                new Count(
                    rs.getInt("fiscal_year"),
                    rs.getInt("quarter"),
                    rs.getObject("sector_id", UUID.class),
                    rs.getString("event_type"),
                    ReportContent.Verification.valueOf(rs.getString("verification_level")),
                    rs.getLong("reports")))
        .list();
  }

  /** Causes are multiple choice: a report naming two causes counts under both. */
  List<CauseCount> causes(TrendFilter filter) {
    Conditions where = conditions(filter);
    return jdbc.sql(
            """
            select %s as fiscal_year, c.cause, count(*) as reports
            %s %s
            group by 1, 2
            """
                .formatted(StatisticPeriod.SQL_FISCAL_YEAR, PER_CAUSE, where.sql()))
        .params(where.params())
        .query(
            (rs, i) ->
                new CauseCount(
                    rs.getInt("fiscal_year"), rs.getString("cause"), rs.getLong("reports")))
        .list();
  }

  /** The fiscal year of the first released report, if there is one. */
  @Nullable Integer firstFiscalYear() {
    OffsetDateTime first =
        jdbc.sql("select min(submitted_at) from report")
            .query((rs, i) -> rs.getObject(1, OffsetDateTime.class))
            .optional()
            .orElse(null);
    return first == null ? null : StatisticPeriod.fiscalYearOf(first.toInstant());
  }

  /** The SQL conditions (after {@link #RELEASED_REPORTS}) and their parameters. */
  record Conditions(String sql, Map<String, Object> params) {}

  Conditions conditions(TrendFilter filter) {
    StringBuilder sql = new StringBuilder();
    Map<String, Object> params = new HashMap<>();
    params.put("start", time(filter.start()));
    params.put("end", time(filter.end()));
    if (TrendFilter.NONE.equals(filter.sector())) {
      sql.append(" and r.sector_id is null");
    } else if (filter.sector() != null) {
      sql.append(" and r.sector_id = :sector");
      params.put("sector", sectorId(filter.sector()));
    }
    if (filter.eventType() != null) {
      sql.append(" and l.event_type = :eventType");
      params.put("eventType", filter.eventType());
    }
    if (TrendFilter.NONE.equals(filter.cause())) {
      sql.append(" and cardinality(l.causes) = 0");
    } else if (filter.cause() != null) {
      sql.append(" and :cause = any (l.causes)");
      params.put("cause", filter.cause());
    }
    if (filter.hubOnly()) {
      sql.append(
          " and exists (select 1 from report_hop h where h.report_id = r.id"
              + " and h.organisation_id = :hub)");
      params.put("hub", directory.nationalHub().id().value());
    }
    if (filter.reachedOnly()) {
      sql.append(" and l.verification_level = 'REACHED'");
    }
    return new Conditions(sql.toString(), params);
  }

  private UUID sectorId(String code) {
    return directory.sectors().stream()
        .filter(s -> s.code().equals(code))
        .map(SectorSummary::id)
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no sector " + code))
        .value();
  }

  private static Object time(Instant at) {
    return SqlTime.utc(at);
  }
}
