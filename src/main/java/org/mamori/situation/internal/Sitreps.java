package org.mamori.situation.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** SITREPs, with the figures each was compiled from kept as JSON. */
@Component
class Sitreps {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static final String COLUMNS =
      """
      select id, situation_id, number, state, body, tlp, acknowledge_by, figures, compiled_at,
             compiled_by, issued_at, issued_by, advisory_id, advisory_reference, version
      from situation_sitrep
      """;

  private final JdbcClient jdbc;

  Sitreps(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next number in the situation: 1 for its first SITREP. */
  int nextNumber(UUID situation) {
    return jdbc.sql(
            "select coalesce(max(number), 0) + 1 from situation_sitrep where situation_id = :s")
        .param("s", situation)
        .query(Integer.class)
        .single();
  }

  void insert(Sitrep s) {
    jdbc.sql(
            """
            insert into situation_sitrep (id, situation_id, number, state, body, tlp, acknowledge_by,
                figures, compiled_at, compiled_by, version)
            values (:id, :situation, :number, :state, :body, :tlp, :ackBy, cast(:figures as jsonb),
                :compiledAt, :compiledBy, 0)
            """)
        .param("id", s.id())
        .param("situation", s.situation())
        .param("number", s.number())
        .param("state", s.state().name())
        .param("body", s.body())
        .param("tlp", s.tlp().name())
        .param("ackBy", SqlTime.utc(s.acknowledgeBy()))
        .param("figures", JSON.writeValueAsString(s.figures()))
        .param("compiledAt", SqlTime.utc(s.compiledAt()))
        .param("compiledBy", s.compiledBy().value())
        .update();
  }

  /** Saves a changed SITREP, refusing it when someone else changed it first. */
  void update(Sitrep s) {
    int changed =
        jdbc.sql(
                """
                update situation_sitrep set state = :state, body = :body, tlp = :tlp,
                    acknowledge_by = :ackBy, figures = cast(:figures as jsonb),
                    compiled_at = :compiledAt, compiled_by = :compiledBy, issued_at = :issuedAt,
                    issued_by = :issuedBy, advisory_id = :advisory,
                    advisory_reference = :advisoryReference, version = version + 1
                where id = :id and version = :version
                """)
            .param("state", s.state().name())
            .param("body", s.body())
            .param("tlp", s.tlp().name())
            .param("ackBy", SqlTime.utc(s.acknowledgeBy()))
            .param("figures", JSON.writeValueAsString(s.figures()))
            .param("compiledAt", SqlTime.utc(s.compiledAt()))
            .param("compiledBy", s.compiledBy().value())
            .param("issuedAt", SqlTime.utc(s.issuedAt()))
            .param("issuedBy", s.issuedBy() == null ? null : s.issuedBy().value())
            .param("advisory", s.advisory())
            .param("advisoryReference", s.advisoryReference())
            .param("id", s.id())
            .param("version", s.version())
            .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("SITREP " + s.number() + " changed");
    }
  }

  Optional<Sitrep> find(UUID situation, int number) {
    return jdbc.sql(COLUMNS + " where situation_id = :s and number = :n")
        .param("s", situation)
        .param("n", number)
        .query(Sitreps::row)
        .optional();
  }

  /** The situation's SITREPs, first to last. */
  List<Sitrep> of(UUID situation) {
    return jdbc.sql(COLUMNS + " where situation_id = :s order by number")
        .param("s", situation)
        .query(Sitreps::row)
        .list();
  }

  Optional<Sitrep> draft(UUID situation) {
    return jdbc.sql(COLUMNS + " where situation_id = :s and state = 'DRAFT'")
        .param("s", situation)
        .query(Sitreps::row)
        .optional();
  }

  /** The last SITREP issued in the situation. */
  Optional<Sitrep> lastIssued(UUID situation) {
    return jdbc.sql(
            COLUMNS + " where situation_id = :s and state = 'ISSUED' order by number desc limit 1")
        .param("s", situation)
        .query(Sitreps::row)
        .optional();
  }

  private static Sitrep row(ResultSet rs, int i) throws SQLException {
    return new Sitrep(
        rs.getObject("id", UUID.class),
        rs.getObject("situation_id", UUID.class),
        rs.getInt("number"),
        Sitrep.State.valueOf(rs.getString("state")),
        rs.getString("body"),
        Tlp.valueOf(rs.getString("tlp")),
        Situations.instantOrNull(rs, "acknowledge_by"),
        JSON.readValue(rs.getString("figures"), SitrepFigures.class),
        Situations.instant(rs, "compiled_at"),
        new PersonId(rs.getObject("compiled_by", UUID.class)),
        Situations.instantOrNull(rs, "issued_at"),
        Situations.person(rs, "issued_by"),
        rs.getObject("advisory_id", UUID.class),
        rs.getString("advisory_reference"),
        rs.getLong("version"));
  }
}
