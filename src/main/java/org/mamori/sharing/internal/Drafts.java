package org.mamori.sharing.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.platform.SqlTime;
import org.mamori.shared.Actor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Half-written reports, kept exactly as typed so nothing is lost. A draft belongs to its author,
 * acting for the organisation they wrote it for; nobody else reads it.
 */
@Repository
class Drafts {

  private final JdbcClient jdbc;
  private final JsonMapper json;
  private final Clock clock;

  Drafts(JdbcClient jdbc, JsonMapper json, Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  record Draft(UUID id, @Nullable UUID report, ReportForm form, Instant updatedAt) {}

  /** Saves the form as a draft (a new one, or over the author's own draft); returns its id. */
  UUID save(Actor author, @Nullable UUID draft, @Nullable UUID report, ReportForm form) {
    String content = json.writeValueAsString(form);
    Instant now = clock.instant();
    if (draft != null) {
      int updated =
          jdbc.sql(
                  """
                  update report_draft set content = :content, updated_at = :now
                  where id = :id and author = :author and organisation = :organisation
                  """)
              .param("content", content)
              .param("now", SqlTime.utc(now))
              .param("id", draft)
              .param("author", author.person().value())
              .param("organisation", author.organisation().value())
              .update();
      if (updated == 1) {
        return draft;
      }
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into report_draft (id, report_id, author, organisation, content, updated_at)
            values (:id, :report, :author, :organisation, :content, :now)
            """)
        .param("id", id)
        .param("report", report)
        .param("author", author.person().value())
        .param("organisation", author.organisation().value())
        .param("content", content)
        .param("now", SqlTime.utc(now))
        .update();
    return id;
  }

  Optional<Draft> find(Actor author, UUID id) {
    return mine(author, "and id = :id", id).stream().findFirst();
  }

  List<Draft> of(Actor author) {
    return mine(author, "", null);
  }

  void discard(Actor author, UUID id) {
    jdbc.sql("delete from report_draft where id = :id and author = :author")
        .param("id", id)
        .param("author", author.person().value())
        .update();
  }

  private List<Draft> mine(Actor author, String condition, @Nullable UUID id) {
    return jdbc.sql(
            """
            select id, report_id, content, updated_at from report_draft
            where author = :author and organisation = :organisation %s
            order by updated_at desc
            """
                .formatted(condition))
        .param("author", author.person().value())
        .param("organisation", author.organisation().value())
        .param("id", id)
        .query(
            (rs, i) ->
                new Draft(
                    rs.getObject("id", UUID.class),
                    rs.getObject("report_id", UUID.class),
                    json.readValue(rs.getString("content"), ReportForm.class),
                    rs.getObject("updated_at", java.time.OffsetDateTime.class).toInstant()))
        .list();
  }
}
