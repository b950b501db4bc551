package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reports behind a count of the trend page, as far as the reader may read them: the SQL narrows
 * to what TLP allows, then every row passes the access policy's own decision, for the case and for
 * the version whose summary is shown.
 */
@Component
class TrendReports {

  static final int PAGE_SIZE = 50;

  private static final Logger log = LoggerFactory.getLogger(TrendReports.class);

  private final JdbcClient jdbc;
  private final TrendStatistics statistics;
  private final ReportDisclosures disclosures;
  private final AccessPolicy access;
  private final Directory directory;
  private final Taxonomy taxonomy;

  TrendReports(
      JdbcClient jdbc,
      TrendStatistics statistics,
      ReportDisclosures disclosures,
      AccessPolicy access,
      Directory directory,
      Taxonomy taxonomy) {
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.disclosures = disclosures;
    this.access = access;
    this.directory = directory;
    this.taxonomy = taxonomy;
  }

  /** A report the reader may read. */
  record Row(
      String reference,
      String summary,
      LocalizedText originator,
      @Nullable LocalizedText sector,
      LocalizedText eventType,
      Tlp tlp,
      Instant submittedAt) {}

  /** A page of the list; more when the next page may hold further readable reports. */
  record Page(List<Row> rows, boolean more) {}

  private record Found(
      UUID id,
      String reference,
      OrganisationId originator,
      @Nullable UUID sector,
      Tlp versionTlp,
      Instant submittedAt,
      String summary,
      String eventType) {

    Found shownAs(Tlp marking) {
      return new Found(id, reference, originator, sector, marking, submittedAt, summary, eventType);
    }
  }

  /** How many reports the filter counts, whoever may read them (a statistic). */
  long count(TrendFilter filter) {
    TrendStatistics.Conditions where = statistics.conditions(filter);
    return jdbc.sql("select count(*) " + TrendStatistics.RELEASED_REPORTS + where.sql())
        .params(where.params())
        .query(Long.class)
        .single();
  }

  Page readable(Actor reader, TrendFilter filter, int offset) {
    TrendStatistics.Conditions where = statistics.conditions(filter);
    List<Found> found =
        jdbc.sql(
                """
                select r.id, r.reference, r.originator, r.sector_id, l.tlp as version_tlp,
                       r.submitted_at, l.summary, l.event_type
                %s %s
                  and (r.tlp in ('CLEAR', 'GREEN')
                       or (r.tlp in ('AMBER', 'AMBER_STRICT')
                           and (r.originator = :org or exists (select 1 from report_hop h
                                where h.report_id = r.id and h.organisation_id = :org)))
                       or (r.tlp = 'AMBER' and r.id = any (cast(:throughSituations as uuid[])))
                       or (r.tlp = 'RED' and exists (select 1 from report_red_recipient rr
                                where rr.report_id = r.id and rr.person_id = :person)))
                order by r.submitted_at desc, r.reference desc
                offset :offset limit :limit
                """
                    .formatted(TrendStatistics.RELEASED_REPORTS, where.sql()))
            .params(where.params())
            .param("org", reader.organisation().value())
            .param("person", reader.person().value())
            .param("throughSituations", disclosures.readThroughSituations(reader.organisation()))
            .param("offset", Math.max(0, offset))
            .param("limit", PAGE_SIZE + 1)
            .query(
                (rs, i) ->
                    new Found(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        new OrganisationId(rs.getObject("originator", UUID.class)),
                        rs.getObject("sector_id", UUID.class),
                        Tlp.valueOf(rs.getString("version_tlp")),
                        rs.getObject("submitted_at", OffsetDateTime.class).toInstant(),
                        rs.getString("summary"),
                        rs.getString("event_type")))
            .list();
    boolean more = found.size() > PAGE_SIZE;
    List<Found> page = found.subList(0, Math.min(found.size(), PAGE_SIZE));
    return new Page(named(decided(reader, page)), more);
  }

  private List<Found> decided(Actor reader, List<Found> rows) {
    Map<UUID, Disclosure> found = disclosures.of(rows.stream().map(Found::id).toList());
    AccessPolicy.Reader decision = access.readerFor(reader);
    List<Found> shown = new ArrayList<>();
    for (Found row : rows) {
      Disclosure item = found.get(row.id());
      if (!decision.mayRead(item)) {
        log.error(
            "The trend drill-down query let through {}, which the access policy refuses",
            row.reference());
      } else {
        Disclosure underVersion = item.under(row.versionTlp());
        if (decision.mayRead(underVersion)) {
          shown.add(row.shownAs(underVersion.tlp()));
        }
      }
    }
    return shown;
  }

  private List<Row> named(List<Found> rows) {
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(rows.stream().map(Found::originator).toList());
    Map<UUID, LocalizedText> sectors = new HashMap<>();
    directory.sectors().forEach(s -> sectors.put(s.id().value(), s.name()));
    Map<String, LocalizedText> eventTypes = new HashMap<>();
    taxonomy.eventTypes().forEach(t -> eventTypes.put(t.code(), t.name()));
    return rows.stream()
        .map(
            row -> {
              OrganisationSummary originator = organisations.get(row.originator());
              return new Row(
                  row.reference(),
                  row.summary(),
                  originator == null
                      ? new LocalizedText("?", "?")
                      : new LocalizedText(originator.nameJa(), originator.nameEn()),
                  row.sector() == null ? null : sectors.get(row.sector()),
                  eventTypes.getOrDefault(row.eventType(), new LocalizedText(row.eventType(), "")),
                  row.versionTlp(),
                  row.submittedAt());
            })
        .toList();
  }
}
