package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Versions are only ever inserted; a decision on one awaiting approval is the one update. */
@Repository
class ReportVersions {

  private final JdbcAggregateTemplate aggregates;
  private final JdbcClient jdbc;

  ReportVersions(JdbcAggregateTemplate aggregates, JdbcClient jdbc) {
    this.aggregates = aggregates;
    this.jdbc = jdbc;
  }

  ReportVersion add(ReportVersion version) {
    return aggregates.insert(version);
  }

  List<ReportVersion> of(UUID report) {
    return aggregates.findAll(
        Query.query(Criteria.where("reportId").is(report)).sort(Sort.by("number")),
        ReportVersion.class);
  }

  /** The versions of each report, in order; one query whatever the count. */
  Map<UUID, List<ReportVersion>> of(Collection<UUID> reports) {
    Map<UUID, List<ReportVersion>> found = new HashMap<>();
    if (reports.isEmpty()) {
      return found;
    }
    aggregates
        .findAll(
            Query.query(Criteria.where("reportId").in(reports)).sort(Sort.by("number")),
            ReportVersion.class)
        .forEach(v -> found.computeIfAbsent(v.reportId(), k -> new ArrayList<>()).add(v));
    return found;
  }

  int lastNumber(UUID report) {
    return jdbc.sql("select coalesce(max(number), 0) from report_version where report_id = :report")
        .param("report", report)
        .query(Integer.class)
        .single();
  }

  /** Records the decision; false if the version no longer awaited one. */
  boolean decide(
      UUID report, int number, ReportVersion.State decision, UUID by, String note, Instant at) {
    return jdbc.sql(
                """
                update report_version set state = :state, decided_by = :by, decided_at = :at,
                  decision_note = :note
                where report_id = :report and number = :number and state = 'AWAITING_APPROVAL'
                """)
            .param("state", decision.name())
            .param("by", by)
            .param("at", SqlTime.utc(at))
            .param("note", note.strip())
            .param("report", report)
            .param("number", number)
            .update()
        == 1;
  }
}
