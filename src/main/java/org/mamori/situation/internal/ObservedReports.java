package org.mamori.situation.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.platform.SqlTime;
import org.mamori.shared.SectorId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The desk's memory of the reports it has read. */
@Component
class ObservedReports {

  private final JdbcClient jdbc;

  ObservedReports(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Keeps what a report's latest readable version says, replacing what an earlier one said. */
  void save(ObservedReport r) {
    jdbc.sql(
            """
            insert into situation_observed_report (report_id, reference, sector_id, released_at,
                intentional, service_stopped, verification_level_reached, indicators)
            values (:id, :reference, :sector, :releasedAt, :intentional, :stopped, :reached,
                cast(:indicators as text[]))
            on conflict (report_id) do update set
                sector_id = excluded.sector_id, released_at = excluded.released_at,
                intentional = excluded.intentional, service_stopped = excluded.service_stopped,
                verification_level_reached = excluded.verification_level_reached,
                indicators = excluded.indicators
            """)
        .param("id", r.id())
        .param("reference", r.reference())
        .param("sector", r.sector() == null ? null : r.sector().value())
        .param("releasedAt", SqlTime.utc(r.releasedAt()))
        .param("intentional", r.intentional())
        .param("stopped", r.serviceStopped())
        .param("reached", r.verificationLevelReached())
        .param("indicators", r.indicators().stream().sorted().toArray(String[]::new))
        .update();
  }

  /** The reports released in the period, both ends included. */
  List<ObservedReport> releasedBetween(Instant from, Instant to) {
    return jdbc.sql(
            """
            select report_id, reference, sector_id, released_at, intentional, service_stopped,
                   verification_level_reached, indicators
            from situation_observed_report where released_at between :from and :to
            """)
        .param("from", SqlTime.utc(from))
        .param("to", SqlTime.utc(to))
        .query(ObservedReports::row)
        .list();
  }

  private static ObservedReport row(ResultSet rs, int i) throws SQLException {
    UUID sector = rs.getObject("sector_id", UUID.class);
    Array indicators = rs.getArray("indicators");
    Set<String> values =
        Arrays.stream((Object[]) indicators.getArray())
            .map(String.class::cast)
            .collect(Collectors.toSet());
    return new ObservedReport(
        rs.getObject("report_id", UUID.class),
        rs.getString("reference"),
        sector == null ? null : new SectorId(sector),
        Situations.instant(rs, "released_at"),
        rs.getBoolean("intentional"),
        rs.getBoolean("service_stopped"),
        rs.getBoolean("verification_level_reached"),
        values);
  }
}
