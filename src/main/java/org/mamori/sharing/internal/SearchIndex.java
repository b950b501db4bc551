package org.mamori.sharing.internal;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.mamori.sharing.ReportReleased;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the search terms of every released report current: in the transaction that releases a
 * version, and at start for anything not yet indexed (data loaded by other means, an older
 * database).
 */
@Component
class SearchIndex {

  private static final Logger log = LoggerFactory.getLogger(SearchIndex.class);

  private final ReportVersions versions;
  private final JdbcClient jdbc;
  private final Clock clock;

  SearchIndex(ReportVersions versions, JdbcClient jdbc, Clock clock) {
    this.versions = versions;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  void on(ReportReleased released) {
    index(released.report());
  }

  @EventListener(ApplicationReadyEvent.class)
  @Transactional
  public void indexWhatIsMissing() {
    List<UUID> missing =
        jdbc.sql(
                """
                select r.id from report r where r.submitted_at is not null
                and not exists (select 1 from search_entry s
                                where s.kind = 'REPORT' and s.item_id = r.id)
                """)
            .query(UUID.class)
            .list();
    missing.forEach(this::index);
    if (!missing.isEmpty()) {
      log.info("Indexed {} reports for search", missing.size());
    }
  }

  /** Indexes the report's latest released version. */
  void index(UUID report) {
    versions.of(report).stream()
        .filter(ReportVersion::released)
        .reduce((first, second) -> second)
        .ifPresent(
            latest -> {
              String text =
                  String.join(
                      "\n",
                      latest.summary(),
                      latest.service(),
                      latest.details(),
                      latest.indicators());
              jdbc.sql(
                      """
                      insert into search_entry (kind, item_id, terms, text, updated_at)
                      values ('REPORT', :id, :terms, :text, :now)
                      on conflict (kind, item_id) do update
                        set terms = excluded.terms, text = excluded.text,
                            updated_at = excluded.updated_at
                      """)
                  .param("id", report)
                  .param("terms", Bigrams.of(text).toArray(String[]::new))
                  .param("text", Bigrams.normalise(text))
                  .param("now", SqlTime.utc(clock.instant()))
                  .update();
            });
  }
}
