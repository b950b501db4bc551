package org.mamori.sharing.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.shared.Actor;
import org.mamori.shared.Tlp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * "This indicator was seen in N reports from M sectors", computed when a report is read from the
 * indicator index, counting only the reports the reader may read (and this one).
 */
@Component
class SpreadSightings {

  /** How many other reports a sighting links to at most. */
  static final int LINKS = 5;

  private final JdbcClient jdbc;
  private final ReportDisclosures disclosures;
  private final AccessPolicy access;

  SpreadSightings(JdbcClient jdbc, ReportDisclosures disclosures, AccessPolicy access) {
    this.jdbc = jdbc;
    this.disclosures = disclosures;
    this.access = access;
  }

  /**
   * An indicator of this report also found in other reports the reader may read.
   *
   * @param reports how many reports have it, this one included
   * @param sectors how many sectors those reports come from
   * @param references some of the other reports, the latest first
   */
  record Sighting(String indicator, int reports, int sectors, List<String> references) {}

  /**
   * The indicators of the versions the reader may read, each with the other readable reports that
   * have it; indicators no other readable report has are left out.
   */
  List<Sighting> of(Report report, Actor reader, Collection<ReportVersion> readableVersions) {
    Set<Indicators.Indicator> indicators = new LinkedHashSet<>();
    readableVersions.stream()
        .filter(ReportVersion::released)
        .forEach(v -> indicators.addAll(Indicators.in(v.indicators())));
    if (indicators.isEmpty()) {
      return List.of();
    }
    List<Other> others =
        jdbc.sql(
                """
                select i.kind, i.normalised, r.id, r.reference, r.sector_id, l.tlp
                from report_indicator i
                join report r on r.id = i.report_id
                join lateral (select v.tlp from report_version v
                              where v.report_id = r.id and v.state = 'RELEASED'
                              order by v.number desc limit 1) l on true
                where i.kind in (:kinds) and i.normalised in (:values) and i.report_id <> :report
                  and r.submitted_at is not null
                order by r.submitted_at desc
                """)
            .param("values", indicators.stream().map(Indicators.Indicator::normalised).toList())
            .param("kinds", indicators.stream().map(i -> i.kind().name()).distinct().toList())
            .param("report", report.id())
            .query(
                (rs, i) ->
                    new Other(
                        new Indicators.Indicator(
                            Indicators.Kind.valueOf(rs.getString("kind")),
                            rs.getString("normalised")),
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getObject("sector_id", UUID.class),
                        Tlp.valueOf(rs.getString("tlp"))))
            .list();
    Set<UUID> readable = readable(reader, others);
    Map<Indicators.Indicator, List<Other>> byIndicator = new LinkedHashMap<>();
    for (Other other : others) {
      if (indicators.contains(other.indicator()) && readable.contains(other.report())) {
        byIndicator.computeIfAbsent(other.indicator(), k -> new ArrayList<>()).add(other);
      }
    }
    List<Sighting> sightings = new ArrayList<>();
    for (Indicators.Indicator indicator : indicators) {
      List<Other> seen = byIndicator.getOrDefault(indicator, List.of());
      if (seen.isEmpty()) {
        continue;
      }
      Set<UUID> sectors = new HashSet<>();
      if (report.sectorId() != null) {
        sectors.add(report.sectorId());
      }
      seen.stream().map(Other::sector).filter(Objects::nonNull).forEach(sectors::add);
      sightings.add(
          new Sighting(
              indicator.normalised(),
              seen.size() + 1,
              sectors.size(),
              seen.stream().limit(LINKS).map(Other::reference).toList()));
    }
    return sightings;
  }

  private record Other(
      Indicators.Indicator indicator,
      UUID report,
      String reference,
      @Nullable UUID sector,
      Tlp versionTlp) {}

  private Set<UUID> readable(Actor reader, List<Other> others) {
    Map<UUID, Tlp> versionTlp = new HashMap<>();
    others.forEach(o -> versionTlp.put(o.report(), o.versionTlp()));
    Map<UUID, Disclosure> found = disclosures.of(versionTlp.keySet());
    AccessPolicy.Reader decision = access.readerFor(reader);
    Set<UUID> readable = new HashSet<>();
    found.forEach(
        (id, item) -> {
          if (decision.mayRead(item) && decision.mayRead(item.under(versionTlp.get(id)))) {
            readable.add(id);
          }
        });
    return readable;
  }
}
