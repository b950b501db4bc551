package org.mamori.situation.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.SituationReaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisations that joined each situation's response, and when they left; and, for the sharing
 * module, which of them read which reports now: those present in an open situation read the reports
 * in its scope.
 */
@Component
class SituationParticipants implements SituationReaders {

  /** One organisation's part in a situation; present while {@code leftAt} is null. */
  record Participant(
      UUID id,
      OrganisationId organisation,
      String level,
      Instant joinedAt,
      @Nullable Instant leftAt) {}

  private final JdbcClient jdbc;

  SituationParticipants(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Everyone who ever joined the situation, in order of joining. */
  List<Participant> of(UUID situation) {
    return jdbc.sql(
            """
            select id, organisation_id, level_code, joined_at, left_at from situation_participant
            where situation_id = :situation order by joined_at, organisation_id
            """)
        .param("situation", situation)
        .query(
            (rs, i) ->
                new Participant(
                    rs.getObject("id", UUID.class),
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    rs.getString("level_code"),
                    Situations.instant(rs, "joined_at"),
                    Situations.instantOrNull(rs, "left_at")))
        .list();
  }

  List<Participant> present(UUID situation) {
    return of(situation).stream().filter(p -> p.leftAt() == null).toList();
  }

  Participant join(UUID situation, OrganisationId organisation, String level, Instant at) {
    Participant joined = new Participant(UUID.randomUUID(), organisation, level, at, null);
    jdbc.sql(
            """
            insert into situation_participant (id, situation_id, organisation_id, level_code, joined_at)
            values (:id, :situation, :organisation, :level, :at)
            """)
        .param("id", joined.id())
        .param("situation", situation)
        .param("organisation", organisation.value())
        .param("level", level)
        .param("at", SqlTime.utc(at))
        .update();
    return joined;
  }

  void leave(Participant participant, Instant at) {
    jdbc.sql("update situation_participant set left_at = :at where id = :id and left_at is null")
        .param("at", SqlTime.utc(at))
        .param("id", participant.id())
        .update();
  }

  @Override
  public Map<UUID, Set<OrganisationId>> readersOf(Collection<UUID> reports) {
    Map<UUID, Set<OrganisationId>> readers = new HashMap<>();
    if (reports.isEmpty()) {
      return readers;
    }
    jdbc.sql(
            """
            select distinct r.report_id, p.organisation_id
            from situation_report r
            join situation s on s.id = r.situation_id and s.closed_at is null
            join situation_participant p on p.situation_id = s.id and p.left_at is null
            where r.report_id = any (cast(:reports as uuid[]))
            """)
        .param("reports", reports.stream().map(UUID::toString).toArray(String[]::new))
        .query(
            rs -> {
              readers
                  .computeIfAbsent(rs.getObject(1, UUID.class), k -> new HashSet<>())
                  .add(new OrganisationId(rs.getObject(2, UUID.class)));
            });
    return readers;
  }

  @Override
  public Set<UUID> reportsReadBy(OrganisationId organisation) {
    return new HashSet<>(
        jdbc.sql(
                """
                select distinct r.report_id
                from situation_participant p
                join situation s on s.id = p.situation_id and s.closed_at is null
                join situation_report r on r.situation_id = s.id
                where p.organisation_id = :organisation and p.left_at is null
                """)
            .param("organisation", organisation.value())
            .query(UUID.class)
            .list());
  }
}
