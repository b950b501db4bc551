package org.mamori.situation.internal;

import static org.mamori.situation.internal.Situations.instant;
import static org.mamori.situation.internal.Situations.instantOrNull;
import static org.mamori.situation.internal.Situations.person;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.platform.SqlTime;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Proposals, decided or not: the record of every decision on a level. */
@Component
class Proposals {

  private static final String COLUMNS =
      """
      select id, situation_id, rule_code, title, level_code, national, sector_ids, report_ids,
             reason, proposed_at, proposed_by, state, first_confirmed_by, first_confirmed_at,
             first_reason, decided_by, decided_at, decision_reason, version
      from situation_proposal
      """;

  private final JdbcClient jdbc;

  Proposals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void insert(Proposal p) {
    jdbc.sql(
            """
            insert into situation_proposal (id, situation_id, rule_code, title, level_code, national,
                sector_ids, report_ids, reason, proposed_at, proposed_by, state, version)
            values (:id, :situation, :rule, :title, :level, :national, cast(:sectors as uuid[]),
                cast(:reports as uuid[]), :reason, :at, :by, :state, 0)
            """)
        .param("id", p.id())
        .param("situation", p.situation())
        .param("rule", p.rule())
        .param("title", p.title())
        .param("level", p.level())
        .param("national", p.national())
        .param("sectors", Situations.ids(p.sectors()))
        .param("reports", reportIds(p.reports()))
        .param("reason", p.reason())
        .param("at", SqlTime.utc(p.proposedAt()))
        .param("by", p.proposedBy() == null ? null : p.proposedBy().value())
        .param("state", p.state().name())
        .update();
  }

  /** Saves a changed proposal, refusing it when someone else decided on it first. */
  void update(Proposal p) {
    int changed =
        jdbc.sql(
                """
                update situation_proposal
                set sector_ids = cast(:sectors as uuid[]), report_ids = cast(:reports as uuid[]),
                    state = :state, first_confirmed_by = :first, first_confirmed_at = :firstAt,
                    first_reason = :firstReason, decided_by = :decidedBy, decided_at = :decidedAt,
                    decision_reason = :decisionReason, version = version + 1
                where id = :id and version = :version
                """)
            .param("sectors", Situations.ids(p.sectors()))
            .param("reports", reportIds(p.reports()))
            .param("state", p.state().name())
            .param("first", p.firstConfirmedBy() == null ? null : p.firstConfirmedBy().value())
            .param("firstAt", SqlTime.utc(p.firstConfirmedAt()))
            .param("firstReason", p.firstReason())
            .param("decidedBy", p.decidedBy() == null ? null : p.decidedBy().value())
            .param("decidedAt", SqlTime.utc(p.decidedAt()))
            .param("decisionReason", p.decisionReason())
            .param("id", p.id())
            .param("version", p.version())
            .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("proposal " + p.id() + " changed");
    }
  }

  Optional<Proposal> find(UUID id) {
    return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Proposals::row).optional();
  }

  /** Proposals awaiting a decision, oldest first. */
  List<Proposal> open() {
    return jdbc.sql(
            COLUMNS + " where state in ('PENDING', 'AWAITING_SECOND') order by proposed_at, id")
        .query(Proposals::row)
        .list();
  }

  /** The undecided proposal a rule raised, if any: new findings join it instead of piling up. */
  Optional<Proposal> openFromRule(String rule) {
    return jdbc.sql(
            COLUMNS
                + " where rule_code = :rule and state in ('PENDING', 'AWAITING_SECOND')"
                + " order by proposed_at limit 1")
        .param("rule", rule)
        .query(Proposals::row)
        .optional();
  }

  /** Every proposal about a situation, including the one that opened it, oldest first. */
  List<Proposal> about(UUID situation) {
    return jdbc.sql(
            COLUMNS
                + " where situation_id = :situation or id in"
                + " (select proposal_id from situation_level_change where situation_id = :situation)"
                + " order by proposed_at, id")
        .param("situation", situation)
        .query(Proposals::row)
        .list();
  }

  private static String[] reportIds(Set<UUID> reports) {
    return reports.stream().map(UUID::toString).sorted().toArray(String[]::new);
  }

  private static Proposal row(ResultSet rs, int i) throws SQLException {
    Array reports = rs.getArray("report_ids");
    return new Proposal(
        rs.getObject("id", UUID.class),
        rs.getObject("situation_id", UUID.class),
        rs.getString("rule_code"),
        rs.getString("title"),
        rs.getString("level_code"),
        rs.getBoolean("national"),
        Situations.sectors(rs, "sector_ids"),
        Arrays.stream((Object[]) reports.getArray()).map(o -> (UUID) o).collect(Collectors.toSet()),
        rs.getString("reason"),
        instant(rs, "proposed_at"),
        person(rs, "proposed_by"),
        Proposal.State.valueOf(rs.getString("state")),
        person(rs, "first_confirmed_by"),
        instantOrNull(rs, "first_confirmed_at"),
        rs.getString("first_reason"),
        person(rs, "decided_by"),
        instantOrNull(rs, "decided_at"),
        rs.getString("decision_reason"),
        rs.getLong("version"));
  }
}
