package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.access.Disclosure;
import org.mamori.directory.Directory;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Lists of advisories a reader may see. The SQL narrows to what TLP allows; every row then passes
 * the access policy's own decision too, so a list can never show more than the one rule allows.
 */
@Component
class AdvisoryViews {

  private static final Logger log = LoggerFactory.getLogger(AdvisoryViews.class);

  private final JdbcClient jdbc;
  private final AccessPolicy access;
  private final Directory directory;

  AdvisoryViews(JdbcClient jdbc, AccessPolicy access, Directory directory) {
    this.jdbc = jdbc;
    this.access = access;
    this.directory = directory;
  }

  /** Which advisories a list shows. */
  enum Box {
    /** Advisories that reached my organisation. */
    RECEIVED,
    /** Advisories my organisation issued. */
    ISSUED,
    /** Everything I may read (TLP:CLEAR and GREEN advisories are readable by every member). */
    ALL
  }

  /**
   * An advisory in a list.
   *
   * @param recipients for advisories my organisation issued, how many organisations it reached
   * @param acknowledged for advisories my organisation issued, how many acknowledged receipt
   */
  record AdvisoryRow(
      UUID id,
      String reference,
      String title,
      LocalizedText issuer,
      Tlp tlp,
      Instant issuedAt,
      @Nullable Instant acknowledgeBy,
      boolean sanitised,
      boolean received,
      boolean awaitingOurAcknowledgement,
      @Nullable Integer recipients,
      @Nullable Integer acknowledged) {}

  private record Found(
      UUID id,
      String reference,
      String title,
      OrganisationId issuer,
      Tlp tlp,
      Instant issuedAt,
      @Nullable Instant acknowledgeBy,
      boolean sanitised,
      boolean received,
      boolean acknowledgedHere,
      int recipients,
      int acknowledged) {}

  List<AdvisoryRow> list(Actor actor, Box box, int offset, int limit) {
    String boxCondition =
        switch (box) {
          case RECEIVED -> "and h.organisation_id is not null";
          case ISSUED -> "and a.issuer = :org";
          case ALL -> "";
        };
    List<Found> rows =
        jdbc.sql(
                """
                select a.id, a.reference, a.title, a.issuer, a.tlp, a.issued_at, a.acknowledge_by,
                       a.source_report is not null as sanitised,
                       h.organisation_id is not null as received,
                       k.organisation_id is not null as acknowledged_here,
                       (select count(*) from advisory_hop r where r.advisory_id = a.id) as recipients,
                       (select count(*) from advisory_acknowledgement c where c.advisory_id = a.id)
                         as acknowledged
                from advisory a
                left join advisory_hop h on h.advisory_id = a.id and h.organisation_id = :org
                left join advisory_acknowledgement k on k.advisory_id = a.id
                     and k.organisation_id = :org
                where (a.tlp in ('CLEAR', 'GREEN')
                       or (a.tlp in ('AMBER', 'AMBER_STRICT')
                           and (a.issuer = :org or h.organisation_id is not null))
                       or (a.tlp = 'RED' and exists (select 1 from advisory_red_recipient rr
                                where rr.advisory_id = a.id and rr.person_id = :person)))
                  %s
                order by a.issued_at desc, a.reference desc
                offset :offset limit :limit
                """
                    .formatted(boxCondition))
            .param("org", actor.organisation().value())
            .param("person", actor.person().value())
            .param("offset", offset)
            .param("limit", limit)
            .query(
                (rs, i) ->
                    new Found(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        rs.getString("title"),
                        new OrganisationId(rs.getObject("issuer", UUID.class)),
                        Tlp.valueOf(rs.getString("tlp")),
                        rs.getObject("issued_at", OffsetDateTime.class).toInstant(),
                        instant(rs.getObject("acknowledge_by", OffsetDateTime.class)),
                        rs.getBoolean("sanitised"),
                        rs.getBoolean("received"),
                        rs.getBoolean("acknowledged_here"),
                        rs.getInt("recipients"),
                        rs.getInt("acknowledged")))
            .list();
    return named(actor, readable(actor, rows));
  }

  /** Drops, and reports loudly, any row the SQL let through but the access policy refuses. */
  private List<Found> readable(Actor actor, List<Found> rows) {
    Map<UUID, Disclosure> disclosures = disclosures(rows.stream().map(Found::id).toList());
    AccessPolicy.Reader reader = access.readerFor(actor);
    List<Found> shown = new ArrayList<>();
    for (Found row : rows) {
      if (reader.mayRead(disclosures.get(row.id()))) {
        shown.add(row);
      } else {
        log.error(
            "The advisory list query let through {}, which the access policy refuses",
            row.reference());
      }
    }
    return shown;
  }

  private List<AdvisoryRow> named(Actor actor, List<Found> rows) {
    Map<OrganisationId, OrganisationSummary> organisations =
        directory.organisations(rows.stream().map(Found::issuer).toList());
    return rows.stream()
        .map(
            row -> {
              // Only the issuer learns how many recipients there are and how many acknowledged.
              boolean ours = row.issuer().equals(actor.organisation());
              return new AdvisoryRow(
                  row.id(),
                  row.reference(),
                  row.title(),
                  AdvisoryPages.name(organisations.get(row.issuer())),
                  row.tlp(),
                  row.issuedAt(),
                  row.acknowledgeBy(),
                  row.sanitised(),
                  row.received(),
                  row.received() && row.acknowledgeBy() != null && !row.acknowledgedHere(),
                  ours ? row.recipients() : null,
                  ours && row.acknowledgeBy() != null ? row.acknowledged() : null);
            })
        .toList();
  }

  /** What the access decision needs for each advisory, in three queries whatever the count. */
  Map<UUID, Disclosure> disclosures(Collection<UUID> advisories) {
    Map<UUID, Disclosure> found = new HashMap<>();
    if (advisories.isEmpty()) {
      return found;
    }
    Map<UUID, Set<OrganisationId>> hops = new HashMap<>();
    jdbc.sql("select advisory_id, organisation_id from advisory_hop where advisory_id in (:ids)")
        .param("ids", advisories)
        .query(
            rs -> {
              hops.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(new OrganisationId(rs.getObject(2, UUID.class)));
            });
    Map<UUID, Set<PersonId>> named = new HashMap<>();
    jdbc.sql(
            "select advisory_id, person_id from advisory_red_recipient where advisory_id in (:ids)")
        .param("ids", advisories)
        .query(
            rs -> {
              named
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(new PersonId(rs.getObject(2, UUID.class)));
            });
    jdbc.sql("select id, issuer, tlp from advisory where id in (:ids)")
        .param("ids", advisories)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              found.put(
                  id,
                  new Disclosure(
                      new OrganisationId(rs.getObject("issuer", UUID.class)),
                      Tlp.valueOf(rs.getString("tlp")),
                      hops.getOrDefault(id, Set.of()),
                      named.getOrDefault(id, Set.of())));
            });
    return found;
  }

  private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
