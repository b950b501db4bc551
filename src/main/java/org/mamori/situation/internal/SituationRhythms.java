package org.mamori.situation.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.mamori.sharing.SituationCadence;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the sharing module's reporting clocks how often each open situation asks for follow-ups:
 * the interval of its current level, counted from when it reached that level.
 */
@Component
class SituationRhythms implements SituationCadence {

  private final JdbcClient jdbc;

  SituationRhythms(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public List<Rhythm> current() {
    return jdbc.sql(
            """
            select s.reference, s.national, s.sector_ids, l.name_ja, l.name_en,
                   l.follow_up_minutes,
                   coalesce((select max(c.decided_at) from situation_level_change c
                             where c.situation_id = s.id and c.to_level = s.level_code),
                            s.opened_at) as since
            from situation s
            join situation_level l on l.code = s.level_code
            where s.closed_at is null and l.follow_up_minutes is not null
            order by s.opened_at
            """)
        .query(
            (rs, i) ->
                new Rhythm(
                    rs.getString("reference"),
                    new LocalizedText(rs.getString("name_ja"), rs.getString("name_en")),
                    rs.getBoolean("national"),
                    Arrays.stream((UUID[]) rs.getArray("sector_ids").getArray())
                        .map(SectorId::new)
                        .collect(Collectors.toSet()),
                    Duration.ofMinutes(rs.getInt("follow_up_minutes")),
                    Situations.instant(rs, "since")))
        .list();
  }
}
