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
import org.mamori.directory.SharingDirection;
import org.mamori.directory.SharingMap;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of reports a reader may see. The SQL narrows to what TLP allows; every row then passes the
 * access policy's own decision too, so the list can never show more than the one rule allows.
 */
@Component
class ReportViews {

  private static final Logger log = LoggerFactory.getLogger(ReportViews.class);

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final Directory directory;
  private final SharingMap map;
  private final ReportDisclosures disclosures;
  private final ReportClocks clocks;

  ReportViews(
      JdbcClient jdbc,
      AccessPolicy access,
      Directory directory,
      SharingMap map,
      ReportDisclosures disclosures,
      ReportClocks clocks) {
    this.clocks = clocks;
    this.jdbc = jdbc;
    this.access = access;
    this.directory = directory;
    this.map = map;
    this.disclosures = disclosures;
  }

  /** Which reports a list shows. */
  enum Box {
    /** Reports that reached my organisation. */
    RECEIVED,
    /** My organisation's own reports. */
    OURS,
    /** Everything I may read. */
    ALL
  }

  record ReportRow(
      UUID id,
      String reference,
      LocalizedText originator,
      @Nullable LocalizedText sector,
      Tlp tlp,
      boolean emergency,
      @Nullable Instant submittedAt,
      Instant createdAt,
      ReportStage stage,
      String summary,
      String eventType,
      boolean awaitingApproval,
      boolean awaitingMyForward,
      ReportingClock.@Nullable NextDue nextDue) {

    /** The latest version is marked stricter than the reader may read: its text is withheld. */
    public boolean summaryWithheld() {
      return summary.isEmpty();
    }
  }

  /** A row as queried, before names are looked up in the directory. */
  private record Found(
      UUID id,
      String reference,
      OrganisationId originator,
      @Nullable UUID sector,
      Tlp tlp,
      boolean emergency,
      @Nullable Instant submittedAt,
      Instant createdAt,
      ReportStage stage,
      Tlp versionTlp,
      String summary,
      String eventType,
      boolean awaitingApproval,
      boolean notYetForwardedHere) {

    Found withoutText() {
      return new Found(
          id,
          reference,
          originator,
          sector,
          tlp,
          emergency,
          submittedAt,
          createdAt,
          stage,
          versionTlp,
          "",
          eventType,
          awaitingApproval,
          notYetForwardedHere);
    }
  }

  /**
   * What a reader looks for: a box, words (all of them, anywhere in the latest text), a sector, a
   * kind of event, and a period of reporting (Japan dates, both ends included).
   */
  record Filter(
      Box box,
      @Nullable String words,
      @Nullable UUID sector,
      @Nullable String eventType,
      @Nullable Instant from,
      @Nullable Instant until) {

    static Filter of(Box box) {
      return new Filter(box, null, null, null, null, null);
    }
  }

  List<ReportRow> list(Actor actor, Box box, int offset, int limit) {
    return list(actor, Filter.of(box), offset, limit);
  }

  List<ReportRow> list(Actor actor, Filter filter, int offset, int limit) {
    String words = filter.words() == null ? "" : filter.words().strip();
    String[] terms = Bigrams.query(words).toArray(String[]::new);
    String[] phrases =
        java.util.Arrays.stream(Bigrams.normalise(words).split("\\s+"))
            .filter(p -> !p.isBlank())
            .map(p -> "%" + p.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
            .toArray(String[]::new);
    String searchCondition =
        terms.length == 0
            ? ""
            : """
              and exists (select 1 from search_entry se where se.kind = 'REPORT'
                          and se.item_id = r.id and se.terms @> cast(:terms as text[])
                          and se.text like all (cast(:phrases as text[])))
              """;
    Box box = filter.box();
    String boxCondition =
        switch (box) {
          case RECEIVED ->
              "and exists (select 1 from report_hop h where h.report_id = r.id"
                  + " and h.organisation_id = :org)";
          case OURS -> "and r.originator = :org";
          case ALL -> "";
        };
    List<Found> rows =
        jdbc.sql(
                """
                select r.id, r.reference, r.originator, r.sector_id, r.tlp, r.emergency,
                       r.submitted_at, r.created_at, v.stage, v.tlp as version_tlp, v.summary, v.event_type,
                       exists (select 1 from report_version p where p.report_id = r.id
                               and p.state = 'AWAITING_APPROVAL') as awaiting_approval,
                       exists (select 1 from report_hop h where h.report_id = r.id
                               and h.organisation_id = :org and h.forwarded_at is null)
                         as not_yet_forwarded_here
                from report r
                join lateral (select * from report_version v where v.report_id = r.id
                              and (v.state = 'RELEASED' or r.originator = :org)
                              order by v.number desc limit 1) v on true
                where (r.submitted_at is not null or r.originator = :org)
                  and (r.tlp in ('CLEAR', 'GREEN')
                       or (r.tlp in ('AMBER', 'AMBER_STRICT')
                           and (r.originator = :org or exists (select 1 from report_hop h
                                where h.report_id = r.id and h.organisation_id = :org)))
                       or (r.tlp = 'AMBER' and r.id = any (cast(:throughSituations as uuid[])))
                       or (r.tlp = 'RED' and exists (select 1 from report_red_recipient rr
                                where rr.report_id = r.id and rr.person_id = :person)))
                  %s %s
                  and (cast(:sector as uuid) is null or r.sector_id = :sector)
                  and (cast(:eventType as text) is null or v.event_type = :eventType)
                  and (cast(:from as timestamptz) is null
                       or coalesce(r.submitted_at, r.created_at) >= :from)
                  and (cast(:until as timestamptz) is null
                       or coalesce(r.submitted_at, r.created_at) < :until)
                order by coalesce(r.submitted_at, r.created_at) desc
                offset :offset limit :limit
                """
                    .formatted(boxCondition, searchCondition))
            .param("org", actor.organisation().value())
            .param("person", actor.person().value())
            .param("throughSituations", disclosures.readThroughSituations(actor.organisation()))
            .param("terms", terms)
            .param("phrases", phrases)
            .param("sector", filter.sector())
            .param("eventType", filter.eventType())
            .param("from", SqlTime.utc(filter.from()))
            .param("until", SqlTime.utc(filter.until()))
            .param("offset", offset)
            .param("limit", limit)
            .query(
                (rs, i) ->
                    new Found(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        new OrganisationId(rs.getObject("originator", UUID.class)),
                        rs.getObject("sector_id", UUID.class),
                        Tlp.valueOf(rs.getString("tlp")),
                        rs.getBoolean("emergency"),
                        instant(rs.getObject("submitted_at", OffsetDateTime.class)),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                        ReportStage.valueOf(rs.getString("stage")),
                        Tlp.valueOf(rs.getString("version_tlp")),
                        rs.getString("summary"),
                        rs.getString("event_type"),
                        rs.getBoolean("awaiting_approval"),
                        rs.getBoolean("not_yet_forwarded_here")))
            .list();
    Map<UUID, Disclosure> found = disclosures.of(rows.stream().map(Found::id).toList());
    AccessPolicy.Reader reader = access.readerFor(actor);
    List<Found> shown = readable(reader, rows, found);
    return named(actor, shown, ownClocks(actor, reader, shown, found));
  }

  /**
   * The reporting clock of each of the reader's own organisation's open reports in the list, from
   * the versions the reader may read.
   */
  private Map<UUID, ReportingClock.NextDue> ownClocks(
      Actor actor, AccessPolicy.Reader reader, List<Found> shown, Map<UUID, Disclosure> found) {
    List<Found> ours =
        shown.stream().filter(row -> row.originator().equals(actor.organisation())).toList();
    Map<UUID, List<ReportVersion>> versions =
        clocks.versionsOf(ours.stream().map(Found::id).toList());
    return clocks.of(
        ours.stream()
            .map(
                row ->
                    new ReportClocks.Case(
                        row.id(),
                        row.originator(),
                        row.sector(),
                        versions.getOrDefault(row.id(), List.of()).stream()
                            .filter(v -> reader.mayRead(found.get(row.id()).under(v.tlp())))
                            .toList()))
            .toList());
  }

  /** Drops, and reports loudly, any row the SQL let through but the access policy refuses. */
  private List<Found> readable(
      AccessPolicy.Reader reader, List<Found> rows, Map<UUID, Disclosure> found) {
    List<Found> shown = new ArrayList<>();
    for (Found row : rows) {
      Disclosure caseDisclosure = found.get(row.id());
      if (reader.mayRead(caseDisclosure)) {
        shown.add(reader.mayRead(caseDisclosure.under(row.versionTlp())) ? row : row.withoutText());
      } else {
        log.error(
            "The report list query let through {}, which the access policy refuses",
            row.reference());
      }
    }
    return shown;
  }

  /** Names from the directory; whether my organisation still has to pass a report on. */
  private List<ReportRow> named(
      Actor actor, List<Found> rows, Map<UUID, ReportingClock.NextDue> due) {
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(rows.stream().map(Found::originator).toList());
    Map<UUID, LocalizedText> sectors = new HashMap<>();
    directory.sectors().forEach(s -> sectors.put(s.id().value(), s.name()));
    boolean passesReportsOn =
        map.nextHops(actor.organisation(), SharingDirection.REPORT).stream()
            .anyMatch(hop -> !hop.emergency());
    return rows.stream()
        .map(
            row -> {
              OrganisationSummary originator = organisations.get(row.originator());
              return new ReportRow(
                  row.id(),
                  row.reference(),
                  originator == null
                      ? new LocalizedText("?", "?")
                      : new LocalizedText(originator.nameJa(), originator.nameEn()),
                  row.sector() == null ? null : sectors.get(row.sector()),
                  row.tlp(),
                  row.emergency(),
                  row.submittedAt(),
                  row.createdAt(),
                  row.stage(),
                  row.summary(),
                  row.eventType(),
                  row.awaitingApproval(),
                  passesReportsOn && row.notYetForwardedHere(),
                  due.get(row.id()));
            })
        .toList();
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
