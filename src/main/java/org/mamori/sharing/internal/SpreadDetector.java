package org.mamori.sharing.internal;

import java.sql.Array;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.SpreadSuspected;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Watches released reports for a possible spread across sectors: when reports from two or more
 * sectors share an indicator, or a cause, within the spread window, it raises one alert (or adds
 * the report to the alert already open for that indicator or cause) and announces {@link
 * SpreadSuspected}.
 *
 * <p>It runs after the release commits, in its own transaction, from the event publication
 * registry: a crash delays the check, never loses it, and a failing check never holds up a report.
 */
@Component
class SpreadDetector {

  private final JdbcClient jdbc;
  private final SpreadAlerts alerts;
  private final SpreadSettings settings;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SpreadDetector(
      JdbcClient jdbc,
      SpreadAlerts alerts,
      SpreadSettings settings,
      ApplicationEventPublisher events,
      Clock clock) {
    this.jdbc = jdbc;
    this.alerts = alerts;
    this.settings = settings;
    this.events = events;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(ReportReleased released) {
    check(released.report());
  }

  /**
   * Checks one released report against the others; checking it again changes nothing.
   *
   * @return the alerts the report belongs to now
   */
  @Transactional
  public List<UUID> check(UUID report) {
    Released released = released(report);
    if (released == null) {
      return List.of();
    }
    List<UUID> belongsTo = new ArrayList<>();
    for (Seen indicator : indicatorsOf(report)) {
      lock("INDICATOR", indicator.kind(), indicator.value());
      List<SpreadSighting> sightings =
          jdbc.sql(
                  """
                  select i.report_id, r.sector_id, i.recorded_at
                  from report_indicator i join report r on r.id = i.report_id
                  where i.kind = :kind and i.normalised = :value
                    and r.submitted_at is not null and r.sector_id is not null
                    and i.recorded_at between :from and :to
                  """)
              .param("kind", indicator.kind())
              .param("value", indicator.value())
              .param("from", SqlTime.utc(indicator.at().minus(settings.window())))
              .param("to", SqlTime.utc(indicator.at().plus(settings.window())))
              .query(
                  (rs, i) ->
                      new SpreadSighting(
                          rs.getObject("report_id", UUID.class),
                          rs.getObject("sector_id", UUID.class),
                          rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
              .list();
      evaluate(
              SpreadSuspected.Basis.INDICATOR,
              indicator.kind(),
              indicator.value(),
              sightings,
              indicator.at())
          .ifPresent(belongsTo::add);
    }
    for (String cause : released.causes()) {
      if (settings.ignoredCauses().contains(cause)) {
        continue;
      }
      lock("CAUSE", "", cause);
      List<SpreadSighting> sightings =
          jdbc.sql(
                  """
                  select r.id, r.sector_id, r.submitted_at
                  %s
                    and r.sector_id is not null and :cause = any (l.causes)
                  """
                      .formatted(TrendStatistics.RELEASED_REPORTS))
              .param("start", SqlTime.utc(released.at().minus(settings.window())))
              .param("end", SqlTime.utc(released.at().plus(settings.window()).plusNanos(1000)))
              .param("cause", cause)
              .query(
                  (rs, i) ->
                      new SpreadSighting(
                          rs.getObject("id", UUID.class),
                          rs.getObject("sector_id", UUID.class),
                          rs.getObject("submitted_at", OffsetDateTime.class).toInstant()))
              .list();
      evaluate(SpreadSuspected.Basis.CAUSE, "", cause, sightings, released.at())
          .ifPresent(belongsTo::add);
    }
    return belongsTo;
  }

  /** Adds the sightings to the open alert, or raises one when they span sectors. */
  private Optional<UUID> evaluate(
      SpreadSuspected.Basis basis,
      String kind,
      String value,
      List<SpreadSighting> sightings,
      Instant at) {
    SpreadAlert open = openAlert(basis, kind, value, at.minus(settings.window()));
    if (open != null) {
      boolean widened = open.include(sightings);
      SpreadAlert saved = alerts.save(open);
      if (widened) {
        announce(saved, false);
      }
      return Optional.of(saved.id());
    }
    if (!SpreadAlert.spansSectors(sightings)) {
      return Optional.empty();
    }
    SpreadAlert raised =
        alerts.save(SpreadAlert.raise(basis, kind, value, sightings, clock.instant()));
    announce(raised, true);
    return Optional.of(raised.id());
  }

  private @Nullable SpreadAlert openAlert(
      SpreadSuspected.Basis basis, String kind, String value, Instant since) {
    return jdbc.sql(
            """
            select id from spread_alert
            where basis = :basis and indicator_kind = :kind and shared_value = :value
              and last_seen_at >= :since
            order by last_seen_at desc limit 1
            """)
        .param("basis", basis.name())
        .param("kind", kind)
        .param("value", value)
        .param("since", SqlTime.utc(since))
        .query(UUID.class)
        .optional()
        .flatMap(alerts::findById)
        .orElse(null);
  }

  private void announce(SpreadAlert alert, boolean raised) {
    // Neither the indicator nor an originator: the audit trail and notices must not carry content.
    String summary =
        "Possible spread across %d sectors (%s %s)"
            .formatted(
                alert.sectors(),
                alert.basis().name().toLowerCase(Locale.ROOT),
                alert.basis() == SpreadSuspected.Basis.INDICATOR
                    ? alert.indicatorKind()
                    : alert.sharedValue());
    events.publishEvent(
        new AuditableChange(
            Actor.SYSTEM,
            raised ? "sharing.spread.raised" : "sharing.spread.widened",
            "spread-alert",
            alert.id().toString(),
            summary,
            null,
            new State(alert.sectors(), alert.reportIds().size())));
    events.publishEvent(
        new SpreadSuspected(
            alert.id(),
            alert.basis(),
            alert.sectors(),
            alert.sightings().stream().map(SpreadSighting::reportId).toList(),
            alert.path(),
            raised));
  }

  /** What the audit trail digests of an alert. */
  record State(int sectors, int reports) {}

  /** Serialises checks of one indicator or cause, so two releases at once raise one alert. */
  private void lock(String basis, String kind, String value) {
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended(:key, 0))")
        .param("key", "mamori.spread|" + basis + "|" + kind + "|" + value)
        .query((rs, i) -> 1)
        .list();
  }

  private record Released(Instant at, List<String> causes) {}

  private record Seen(String kind, String value, Instant at) {}

  /** The report's release time and the causes of its latest released version; null if none. */
  private @Nullable Released released(UUID report) {
    return jdbc.sql(
            """
            select r.submitted_at,
                   (select v.causes from report_version v
                    where v.report_id = r.id and v.state = 'RELEASED'
                    order by v.number desc limit 1) as causes
            from report r
            where r.id = :report and r.submitted_at is not null and r.sector_id is not null
            """)
        .param("report", report)
        .query(
            (rs, i) -> {
              Array causes = rs.getArray("causes");
              return new Released(
                  rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                  causes == null ? List.of() : Arrays.asList((String[]) causes.getArray()));
            })
        .optional()
        .orElse(null);
  }

  private List<Seen> indicatorsOf(UUID report) {
    return jdbc.sql(
            "select kind, normalised, recorded_at from report_indicator where report_id = :report")
        .param("report", report)
        .query(
            (rs, i) ->
                new Seen(
                    rs.getString("kind"),
                    rs.getString("normalised"),
                    rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
        .list();
  }
}
