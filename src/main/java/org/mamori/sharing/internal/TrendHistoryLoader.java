package org.mamori.sharing.internal;

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
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.directory.RouteHop;
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.ReportHistory;
import org.mamori.sharing.ReportStage;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads past reports in batches (a few statements whatever their number), so that thousands of them
 * take a moment. Each is written as a closed case that travelled today's sharing map.
 */
@Service
@Transactional
class TrendHistoryLoader implements ReportHistory {

  /** Clocks differ a little; a time this far ahead is still "now". */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  private final NamedParameterJdbcTemplate batch;
  private final JdbcClient jdbc;
  private final Taxonomy taxonomy;
  private final TrendLevels levels;
  private final SharingMap map;
  private final Directory directory;
  private final AccessPolicy access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  TrendHistoryLoader(
      NamedParameterJdbcTemplate batch,
      JdbcClient jdbc,
      Taxonomy taxonomy,
      TrendLevels levels,
      SharingMap map,
      Directory directory,
      AccessPolicy access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.batch = batch;
    this.jdbc = jdbc;
    this.taxonomy = taxonomy;
    this.levels = levels;
    this.map = map;
    this.directory = directory;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  @Override
  @Transactional(readOnly = true)
  public boolean hasReportsIn(int fiscalYear) {
    return jdbc.sql(
            "select exists (select 1 from report where submitted_at >= :start and submitted_at < :end)")
        .param("start", SqlTime.utc(StatisticPeriod.startOf(fiscalYear)))
        .param("end", SqlTime.utc(StatisticPeriod.endOf(fiscalYear)))
        .query(Boolean.class)
        .single();
  }

  @Override
  public int load(Actor by, List<PastReport> reports) {
    if (!by.isSystem() && !access.can(by, Capability.ADMINISTER_PLATFORM)) {
      throw new AccessDeniedException("only platform administrators load past reports");
    }
    if (reports.isEmpty()) {
      return 0;
    }
    Codes codes =
        new Codes(
            Taxonomy.codes(taxonomy.eventTypes()),
            Taxonomy.codes(taxonomy.impacts()),
            Taxonomy.codes(taxonomy.causes()));
    Instant latest = clock.instant().plus(CLOCK_SKEW);
    reports.forEach(r -> check(r, codes, latest));
    Map<OrganisationId, OrganisationSummary> originators =
        directory.organisations(reports.stream().map(PastReport::originator).toList());
    Set<UUID> withLevel = new HashSet<>();
    levels
        .all()
        .forEach(
            (sector, level) -> {
              if (level.verification() != null) {
                withLevel.add(sector);
              }
            });
    Map<OrganisationId, List<RouteHop>> routes = new HashMap<>();
    List<MapSqlParameterSource> cases = new ArrayList<>();
    List<MapSqlParameterSource> versions = new ArrayList<>();
    List<MapSqlParameterSource> hops = new ArrayList<>();
    Map<Integer, List<PastReport>> byYear = new TreeMap<>();
    for (PastReport report : reports) {
      byYear
          .computeIfAbsent(
              StatisticPeriod.fiscalYearOf(report.submittedAt()), y -> new ArrayList<>())
          .add(report);
    }
    for (Map.Entry<Integer, List<PastReport>> year : byYear.entrySet()) {
      List<PastReport> inOrder =
          year.getValue().stream().sorted(Comparator.comparing(PastReport::submittedAt)).toList();
      int number = reserveNumbers(year.getKey(), inOrder.size());
      for (PastReport report : inOrder) {
        OrganisationSummary originator = originators.get(report.originator());
        if (originator == null) {
          throw new IllegalArgumentException("no organisation " + report.originator());
        }
        UUID id = UUID.randomUUID();
        UUID sector = originator.sector() == null ? null : originator.sector().value();
        cases.add(
            new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("reference", "R%d-%05d".formatted(year.getKey(), number++))
                .addValue("originator", report.originator().value())
                .addValue("author", report.author().value())
                .addValue("sector", sector)
                .addValue("tlp", report.tlp().name())
                .addValue("at", SqlTime.utc(report.submittedAt())));
        versions.add(
            new MapSqlParameterSource()
                .addValue("id", UUID.randomUUID())
                .addValue("report", id)
                .addValue("stage", ReportStage.FINAL.name())
                .addValue("tlp", report.tlp().name())
                .addValue("author", report.author().value())
                .addValue("at", SqlTime.utc(report.submittedAt()))
                .addValue("summary", report.summary().strip())
                .addValue("occurred", SqlTime.utc(report.occurredAt()))
                .addValue("detected", SqlTime.utc(report.detectedAt()))
                .addValue("eventType", report.eventType())
                .addValue("impact", report.impact())
                // Cause codes are checked against the taxonomy: none holds a comma.
                .addValue("causes", String.join(",", report.causes()))
                .addValue(
                    "verification",
                    withLevel.contains(sector)
                        ? verification(report.reachedVerificationLevel())
                        : ReportContent.Verification.UNKNOWN.name())
                .addValue("response", ReportContent.Response.RECOVERED.name()));
        List<RouteHop> route =
            routes.computeIfAbsent(
                report.originator(),
                o ->
                    map.routeFrom(o, SharingDirection.REPORT).stream()
                        .filter(h -> !h.emergency())
                        .toList());
        hops.addAll(travelled(id, report, route, number));
      }
    }
    batch.batchUpdate(
        """
        insert into report (id, reference, originator, author, sector_id, tlp, emergency,
                            created_at, submitted_at, version)
        values (:id, :reference, :originator, :author, :sector, :tlp, false, :at, :at, 0)
        """,
        cases.toArray(MapSqlParameterSource[]::new));
    batch.batchUpdate(
        """
        insert into report_version (id, report_id, number, stage, tlp, author, written_at, summary,
                                    occurred_at, detected_at, event_type, impact, causes,
                                    verification_level, response_status, state)
        values (:id, :report, 1, :stage, :tlp, :author, :at, :summary, :occurred, :detected,
                :eventType, :impact, string_to_array(:causes, ','), :verification, :response,
                'RELEASED')
        """,
        versions.toArray(MapSqlParameterSource[]::new));
    batch.batchUpdate(
        """
        insert into report_hop (report_id, organisation_id, step, from_organisation, channel,
                                emergency, received_at, forwarded_at)
        values (:report, :organisation, :step, :from, :channel, false, :received, :forwarded)
        """,
        hops.toArray(MapSqlParameterSource[]::new));
    events.publishEvent(
        new AuditableChange(
            by,
            "sharing.report.history-loaded",
            "report",
            "history",
            "Loaded %d past reports of fiscal years %s".formatted(reports.size(), byYear.keySet()),
            null,
            new Loaded(reports.size(), List.copyOf(byYear.keySet()))));
    return reports.size();
  }

  /** What the audit trail digests of a load. */
  record Loaded(int reports, List<Integer> fiscalYears) {}

  /**
   * The hops of the route, each reached when the one before passed it on: a person there took a
   * while (varied by {@code seed}) to look at the report and forward it.
   */
  private static List<MapSqlParameterSource> travelled(
      UUID report, PastReport past, List<RouteHop> route, int seed) {
    Set<OrganisationId> passOn = new HashSet<>();
    route.forEach(h -> passOn.add(h.from()));
    Map<OrganisationId, Instant> forwardedAt = new HashMap<>();
    List<MapSqlParameterSource> hops = new ArrayList<>();
    Set<OrganisationId> reached = new HashSet<>();
    for (RouteHop hop : route) {
      if (!reached.add(hop.to())) {
        continue;
      }
      boolean fromOriginator = hop.from().equals(past.originator());
      Instant received = fromOriginator ? past.submittedAt() : forwardedAt.get(hop.from());
      if (received == null) {
        continue;
      }
      Instant forwarded =
          passOn.contains(hop.to())
              ? received.plus(Duration.ofMinutes(20 + Math.floorMod(seed * 37L, 160)))
              : null;
      if (forwarded != null) {
        forwardedAt.put(hop.to(), forwarded);
      }
      hops.add(
          new MapSqlParameterSource()
              .addValue("report", report)
              .addValue("organisation", hop.to().value())
              .addValue("step", hop.step())
              .addValue("from", fromOriginator ? null : hop.from().value())
              .addValue("channel", hop.channel().name())
              .addValue("received", SqlTime.utc(received))
              .addValue("forwarded", SqlTime.utc(forwarded)));
    }
    return hops;
  }

  /** Takes {@code count} reference numbers of the fiscal year at once; returns the first. */
  private int reserveNumbers(int fiscalYear, int count) {
    int last =
        jdbc.sql(
                """
                insert into report_counter (fiscal_year, last_number) values (:year, :count)
                on conflict (fiscal_year)
                do update set last_number = report_counter.last_number + :count
                returning last_number
                """)
            .param("year", fiscalYear)
            .param("count", count)
            .query(Integer.class)
            .single();
    return last - count + 1;
  }

  /** The taxonomy's codes, read once per load. */
  private record Codes(Set<String> eventTypes, Set<String> impacts, Set<String> causes) {}

  private static void check(PastReport report, Codes codes, Instant latest) {
    if (report.summary().isBlank() || report.summary().strip().length() > 500) {
      throw new IllegalArgumentException("a past report needs a summary of up to 500 characters");
    }
    if (!codes.eventTypes().contains(report.eventType())) {
      throw new IllegalArgumentException("unknown event type " + report.eventType());
    }
    if (!codes.impacts().contains(report.impact())) {
      throw new IllegalArgumentException("unknown impact " + report.impact());
    }
    for (String cause : report.causes()) {
      if (!codes.causes().contains(cause)) {
        throw new IllegalArgumentException("unknown cause " + cause);
      }
    }
    if (report.detectedAt().isBefore(report.occurredAt())
        || report.submittedAt().isBefore(report.detectedAt())
        || report.submittedAt().isAfter(latest)) {
      throw new IllegalArgumentException(
          "a past report occurs, is detected and is submitted in that order, and not later than now");
    }
  }

  private static String verification(@Nullable Boolean reached) {
    if (reached == null) {
      return ReportContent.Verification.UNKNOWN.name();
    }
    return reached
        ? ReportContent.Verification.REACHED.name()
        : ReportContent.Verification.NOT_REACHED.name();
  }
}
