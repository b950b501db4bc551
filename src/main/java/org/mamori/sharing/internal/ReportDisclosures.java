package org.mamori.sharing.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mamori.access.Disclosure;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.SituationReaders;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one place where a report's disclosure is put together for reading: its route and named people
 * ({@link Report#disclosure()}), plus the organisations reading it now through an open situation
 * ({@link SituationReaders}). Every read path (page, list, search, trends, API, exports,
 * notifications) asks here, so they all agree; decisions that act on a report (forwarding,
 * re-marking, contributing) keep to its route.
 */
@Component
class ReportDisclosures {

  private final JdbcClient jdbc;
  private final ObjectProvider<SituationReaders> situationReaders;

  ReportDisclosures(JdbcClient jdbc, ObjectProvider<SituationReaders> situationReaders) {
    this.jdbc = jdbc;
    this.situationReaders = situationReaders;
  }

  /** What the access decision needs to read the case now. */
  Disclosure of(Report report) {
    return report
        .disclosure()
        .withAmberReaders(readersOf(List.of(report.id())).getOrDefault(report.id(), Set.of()));
  }

  /** What the access decision needs for each report, in four queries whatever the count. */
  Map<UUID, Disclosure> of(Collection<UUID> reports) {
    Map<UUID, Disclosure> found = new HashMap<>();
    if (reports.isEmpty()) {
      return found;
    }
    Map<UUID, Set<OrganisationId>> hops = new HashMap<>();
    jdbc.sql("select report_id, organisation_id from report_hop where report_id in (:ids)")
        .param("ids", reports)
        .query(
            rs -> {
              hops.computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(new OrganisationId(rs.getObject(2, UUID.class)));
            });
    Map<UUID, Set<PersonId>> named = new HashMap<>();
    jdbc.sql("select report_id, person_id from report_red_recipient where report_id in (:ids)")
        .param("ids", reports)
        .query(
            rs -> {
              named
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(new PersonId(rs.getObject(2, UUID.class)));
            });
    Map<UUID, Set<OrganisationId>> situations = readersOf(reports);
    jdbc.sql("select id, originator, tlp from report where id in (:ids)")
        .param("ids", reports)
        .query(
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              found.put(
                  id,
                  new Disclosure(
                      new OrganisationId(rs.getObject("originator", UUID.class)),
                      Tlp.valueOf(rs.getString("tlp")),
                      hops.getOrDefault(id, Set.of()),
                      named.getOrDefault(id, Set.of()),
                      situations.getOrDefault(id, Set.of())));
            });
    return found;
  }

  /**
   * The reports the organisation reads through an open situation, for list queries to let through
   * before each row meets the access decision: as text, for {@code cast(:x as uuid[])}.
   */
  String[] readThroughSituations(OrganisationId organisation) {
    Set<UUID> reports = new HashSet<>();
    situationReaders.orderedStream().forEach(r -> reports.addAll(r.reportsReadBy(organisation)));
    return reports.stream().map(UUID::toString).toArray(String[]::new);
  }

  private Map<UUID, Set<OrganisationId>> readersOf(Collection<UUID> reports) {
    Map<UUID, Set<OrganisationId>> readers = new HashMap<>();
    situationReaders
        .orderedStream()
        .forEach(
            r ->
                r.readersOf(reports)
                    .forEach(
                        (report, organisations) ->
                            readers
                                .computeIfAbsent(report, k -> new HashSet<>())
                                .addAll(organisations)));
    return readers;
  }
}
