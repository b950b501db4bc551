package org.mamori.situation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Situations, their level history and the reports in their scope. */
@Component
class Situations {

  private static final String COLUMNS =
      """
      select id, reference, title, national, sector_ids, level_code, opened_at, opened_by,
             closed_at, closed_by, close_reason, version
      from situation
      """;

  /** One decision in a situation's level history. */
  record LevelChange(
      @Nullable String fromLevel,
      String toLevel,
      Instant decidedAt,
      PersonId decidedBy,
      @Nullable PersonId confirmedBy,
      String reason) {}

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final JdbcClient jdbc;

  Situations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The next reference of the year in Japan, such as {@code S2026-001}. */
  String nextReference(Instant at) {
    int year = Year.from(at.atZone(JAPAN)).getValue();
    int last =
        jdbc.sql(
                """
                insert into situation_counter (year, last) values (:year, 1)
                on conflict (year) do update set last = situation_counter.last + 1
                returning last
                """)
            .param("year", year)
            .query(Integer.class)
            .single();
    return "S%d-%03d".formatted(year, last);
  }

  void insert(Situation s) {
    jdbc.sql(
            """
            insert into situation (id, reference, title, national, sector_ids, level_code,
                                   opened_at, opened_by, close_reason, version)
            values (:id, :reference, :title, :national, cast(:sectors as uuid[]), :level,
                    :openedAt, :openedBy, '', 0)
            """)
        .param("id", s.id())
        .param("reference", s.reference())
        .param("title", s.title())
        .param("national", s.national())
        .param("sectors", ids(s.sectors()))
        .param("level", s.level())
        .param("openedAt", SqlTime.utc(s.openedAt()))
        .param("openedBy", s.openedBy().value())
        .update();
  }

  /** Saves a changed situation, refusing it when someone else changed it first. */
  void update(Situation s) {
    int changed =
        jdbc.sql(
                """
                update situation
                set national = :national, sector_ids = cast(:sectors as uuid[]),
                    level_code = :level, closed_at = :closedAt, closed_by = :closedBy,
                    close_reason = :closeReason, version = version + 1
                where id = :id and version = :version
                """)
            .param("national", s.national())
            .param("sectors", ids(s.sectors()))
            .param("level", s.level())
            .param("closedAt", SqlTime.utc(s.closedAt()))
            .param("closedBy", s.closedBy() == null ? null : s.closedBy().value())
            .param("closeReason", s.closeReason())
            .param("id", s.id())
            .param("version", s.version())
            .update();
    if (changed != 1) {
      throw new OptimisticLockingFailureException("situation " + s.reference() + " changed");
    }
  }

  Optional<Situation> find(UUID id) {
    return jdbc.sql(COLUMNS + " where id = :id").param("id", id).query(Situations::row).optional();
  }

  List<Situation> open() {
    return jdbc.sql(COLUMNS + " where closed_at is null order by opened_at desc")
        .query(Situations::row)
        .list();
  }

  /** The most recently opened situations, open or closed. */
  List<Situation> recent(int limit) {
    return jdbc.sql(COLUMNS + " order by opened_at desc limit :limit")
        .param("limit", limit)
        .query(Situations::row)
        .list();
  }

  /** Records one decision in the level history; its id. */
  UUID recordLevel(UUID situation, LevelChange change, @Nullable UUID proposal) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into situation_level_change (id, situation_id, from_level, to_level, decided_at,
                                                decided_by, confirmed_by, reason, proposal_id)
            values (:id, :situation, :from, :to, :at, :by, :confirmedBy, :reason, :proposal)
            """)
        .param("id", id)
        .param("situation", situation)
        .param("from", change.fromLevel())
        .param("to", change.toLevel())
        .param("at", SqlTime.utc(change.decidedAt()))
        .param("by", change.decidedBy().value())
        .param("confirmedBy", change.confirmedBy() == null ? null : change.confirmedBy().value())
        .param("reason", change.reason())
        .param("proposal", proposal)
        .update();
    return id;
  }

  List<LevelChange> history(UUID situation) {
    return jdbc.sql(
            """
            select from_level, to_level, decided_at, decided_by, confirmed_by, reason
            from situation_level_change where situation_id = :situation order by decided_at, id
            """)
        .param("situation", situation)
        .query(
            (rs, i) ->
                new LevelChange(
                    rs.getString("from_level"),
                    rs.getString("to_level"),
                    instant(rs, "decided_at"),
                    new PersonId(rs.getObject("decided_by", UUID.class)),
                    person(rs, "confirmed_by"),
                    rs.getString("reason")))
        .list();
  }

  /** Adds reports to the situation; a report already in it stays as it was. */
  void addReports(UUID situation, Collection<UUID> reports, Instant at) {
    for (UUID report : reports) {
      jdbc.sql(
              """
              insert into situation_report (situation_id, report_id, added_at)
              values (:situation, :report, :at) on conflict do nothing
              """)
          .param("situation", situation)
          .param("report", report)
          .param("at", SqlTime.utc(at))
          .update();
    }
  }

  /** The reports in the situation, with when they were added, newest first. */
  List<UUID> reports(UUID situation) {
    return jdbc.sql(
            """
            select report_id from situation_report where situation_id = :situation
            order by added_at desc, report_id
            """)
        .param("situation", situation)
        .query(UUID.class)
        .list();
  }

  /** A report in a situation's scope: its reference, and when it came into the scope. */
  record InScope(UUID report, String reference, Instant addedAt) {}

  /** The reports in the situation with their references, newest arrival first. */
  List<InScope> inScope(UUID situation) {
    return jdbc.sql(
            """
            select r.report_id, o.reference, r.added_at
            from situation_report r join situation_observed_report o on o.report_id = r.report_id
            where r.situation_id = :situation order by r.added_at desc, o.reference desc
            """)
        .param("situation", situation)
        .query(
            (rs, i) ->
                new InScope(
                    rs.getObject("report_id", UUID.class),
                    rs.getString("reference"),
                    instant(rs, "added_at")))
        .list();
  }

  static String[] ids(Set<SectorId> sectors) {
    return sectors.stream().map(SectorId::toString).sorted().toArray(String[]::new);
  }

  static Set<SectorId> sectors(ResultSet rs, String column) throws SQLException {
    Array array = rs.getArray(column);
    return array == null
        ? Set.of()
        : Arrays.stream((Object[]) array.getArray())
            .map(o -> new SectorId((UUID) o))
            .collect(Collectors.toSet());
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    return rs.getObject(column, OffsetDateTime.class).toInstant();
  }

  static @Nullable Instant instantOrNull(ResultSet rs, String column) throws SQLException {
    OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
    return at == null ? null : at.toInstant();
  }

  static @Nullable PersonId person(ResultSet rs, String column) throws SQLException {
    UUID id = rs.getObject(column, UUID.class);
    return id == null ? null : new PersonId(id);
  }

  private static Situation row(ResultSet rs, int i) throws SQLException {
    return new Situation(
        rs.getObject("id", UUID.class),
        rs.getString("reference"),
        rs.getString("title"),
        rs.getBoolean("national"),
        sectors(rs, "sector_ids"),
        rs.getString("level_code"),
        instant(rs, "opened_at"),
        new PersonId(rs.getObject("opened_by", UUID.class)),
        instantOrNull(rs, "closed_at"),
        person(rs, "closed_by"),
        rs.getString("close_reason"),
        rs.getLong("version"));
  }
}
