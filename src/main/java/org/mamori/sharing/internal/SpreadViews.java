package org.mamori.sharing.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SpreadSuspected;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Spread alerts as one reader may see them: how many sectors and reports, always; the shared
 * indicator, the reports' references, originators and sectors only as far as the reader may read
 * those reports.
 */
@Component
class SpreadViews {

  static final int PAGE_SIZE = 50;

  /** How far back the trend page counts recent alerts. */
  static final Duration RECENT = Duration.ofDays(30);

  private final SpreadAlerts alerts;
  private final JdbcClient jdbc;
  private final ReportDisclosures disclosures;
  private final AccessPolicy access;
  private final Directory directory;
  private final Taxonomy taxonomy;
  private final Clock clock;

  SpreadViews(
      SpreadAlerts alerts,
      JdbcClient jdbc,
      ReportDisclosures disclosures,
      AccessPolicy access,
      Directory directory,
      Taxonomy taxonomy,
      Clock clock) {
    this.alerts = alerts;
    this.jdbc = jdbc;
    this.disclosures = disclosures;
    this.access = access;
    this.directory = directory;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /**
   * An alert for one reader.
   *
   * @param indicator the shared indicator; null when the reader may read none of the reports
   * @param cause the shared cause; null for an indicator
   * @param readableSectors the sectors of the reports the reader may read
   * @param otherSectors how many further sectors the alert spans
   * @param unreadable how many of its reports the reader may not read
   */
  record AlertView(
      UUID id,
      SpreadSuspected.Basis basis,
      String indicatorKind,
      @Nullable String indicator,
      @Nullable LocalizedText cause,
      Instant firstSeenAt,
      Instant lastSeenAt,
      Instant raisedAt,
      int sectors,
      int reports,
      List<LocalizedText> readableSectors,
      int otherSectors,
      List<ReportRef> readable,
      int unreadable) {

    public String path() {
      return "/trends/spread/" + id;
    }
  }

  /** A linked report the reader may read. */
  record ReportRef(
      String reference,
      String summary,
      LocalizedText originator,
      @Nullable LocalizedText sector,
      Tlp tlp,
      Instant seenAt) {}

  /** The national hub's analysts and duty officers look at possible spreads. */
  boolean maySee(Actor actor) {
    boolean hub =
        directory
            .organisation(actor.organisation())
            .map(o -> o.is(OrganisationKind.NATIONAL_HUB))
            .orElse(false);
    return hub
        && (access.can(actor, Capability.ANALYSE) || access.can(actor, Capability.DUTY_OFFICER));
  }

  /** How many alerts were raised lately (a count for the trend page). */
  long recentCount() {
    return jdbc.sql("select count(*) from spread_alert where raised_at >= :since")
        .param("since", SqlTime.utc(clock.instant().minus(RECENT)))
        .query(Long.class)
        .single();
  }

  /** The latest alerts first. */
  List<AlertView> list(Actor reader, int offset, int limit) {
    List<UUID> ids =
        jdbc.sql(
                "select id from spread_alert order by raised_at desc, id offset :offset limit :limit")
            .param("offset", Math.max(0, offset))
            .param("limit", limit)
            .query(UUID.class)
            .list();
    Map<UUID, SpreadAlert> found = new HashMap<>();
    alerts.findAllById(ids).forEach(a -> found.put(a.id(), a));
    return viewed(reader, ids.stream().map(found::get).filter(a -> a != null).toList());
  }

  Optional<AlertView> alert(Actor reader, UUID id) {
    return alerts.findById(id).map(a -> viewed(reader, List.of(a)).get(0));
  }

  private List<AlertView> viewed(Actor reader, List<SpreadAlert> shown) {
    Set<UUID> reportIds = new HashSet<>();
    shown.forEach(a -> reportIds.addAll(a.reportIds()));
    Map<UUID, Linked> linked = linked(reportIds);
    Map<UUID, Disclosure> found = disclosures.of(reportIds);
    AccessPolicy.Reader decision = access.readerFor(reader);
    Set<UUID> readable = new HashSet<>();
    for (UUID report : reportIds) {
      Disclosure item = found.get(report);
      Linked about = linked.get(report);
      if (item != null
          && about != null
          && decision.mayRead(item)
          && decision.mayRead(item.under(about.versionTlp()))) {
        readable.add(report);
      }
    }
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(readable.stream().map(r -> linked.get(r).originator()).toList());
    Map<UUID, LocalizedText> sectors = new HashMap<>();
    directory.sectors().forEach(s -> sectors.put(s.id().value(), s.name()));
    Map<String, LocalizedText> causes = new HashMap<>();
    taxonomy.causes().forEach(c -> causes.put(c.code(), c.name()));

    List<AlertView> views = new ArrayList<>();
    for (SpreadAlert alert : shown) {
      List<ReportRef> refs = new ArrayList<>();
      Set<UUID> readableSectorIds = new LinkedHashSet<>();
      int unreadable = 0;
      for (SpreadSighting sighting : alert.sightings()) {
        if (!readable.contains(sighting.reportId())) {
          unreadable++;
          continue;
        }
        Linked about = linked.get(sighting.reportId());
        OrganisationSummary originator = organisations.get(about.originator());
        readableSectorIds.add(sighting.sectorId());
        refs.add(
            new ReportRef(
                about.reference(),
                about.summary(),
                originator == null
                    ? new LocalizedText("?", "?")
                    : new LocalizedText(originator.nameJa(), originator.nameEn()),
                sectors.get(sighting.sectorId()),
                found.get(sighting.reportId()).under(about.versionTlp()).tlp(),
                sighting.seenAt()));
      }
      boolean indicator = alert.basis() == SpreadSuspected.Basis.INDICATOR;
      views.add(
          new AlertView(
              alert.id(),
              alert.basis(),
              alert.indicatorKind(),
              indicator && !refs.isEmpty() ? alert.sharedValue() : null,
              indicator
                  ? null
                  : causes.getOrDefault(
                      alert.sharedValue(), new LocalizedText(alert.sharedValue(), "")),
              alert.firstSeenAt(),
              alert.lastSeenAt(),
              alert.raisedAt(),
              alert.sectors(),
              alert.reportIds().size(),
              readableSectorIds.stream()
                  .map(s -> sectors.getOrDefault(s, new LocalizedText("?", "?")))
                  .toList(),
              alert.sectors() - readableSectorIds.size(),
              refs,
              unreadable));
    }
    return views;
  }

  private record Linked(
      String reference, OrganisationId originator, Tlp versionTlp, String summary) {}

  /** What the page may show of each linked report once it is found readable. */
  private Map<UUID, Linked> linked(Collection<UUID> reports) {
    Map<UUID, Linked> found = new HashMap<>();
    if (reports.isEmpty()) {
      return found;
    }
    jdbc.sql(
            """
            select r.id, r.reference, r.originator, l.tlp, l.summary
            from report r
            join lateral (select v.tlp, v.summary from report_version v
                          where v.report_id = r.id and v.state = 'RELEASED'
                          order by v.number desc limit 1) l on true
            where r.id in (:ids)
            """)
        .param("ids", reports)
        .query(
            rs -> {
              found.put(
                  rs.getObject("id", UUID.class),
                  new Linked(
                      rs.getString("reference"),
                      new OrganisationId(rs.getObject("originator", UUID.class)),
                      Tlp.valueOf(rs.getString("tlp")),
                      rs.getString("summary")));
            });
    return found;
  }
}
