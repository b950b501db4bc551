package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Every reminder an issuer sent, and to whom: only ever inserted. */
@Repository
class AdvisoryReminders {

  private final JdbcClient jdbc;

  AdvisoryReminders(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A reminder as recorded. */
  record Reminder(UUID id, PersonId by, Instant at, Set<OrganisationId> to) {}

  void record(UUID advisory, PersonId by, Instant at, Set<OrganisationId> to) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into advisory_reminder (id, advisory_id, sent_by, sent_at)
            values (:id, :advisory, :by, :at)
            """)
        .param("id", id)
        .param("advisory", advisory)
        .param("by", by.value())
        .param("at", SqlTime.utc(at))
        .update();
    for (OrganisationId organisation : to) {
      jdbc.sql(
              """
              insert into advisory_reminder_recipient (reminder_id, organisation_id)
              values (:id, :organisation)
              """)
          .param("id", id)
          .param("organisation", organisation.value())
          .update();
    }
  }

  /** The advisory's reminders, oldest first. */
  List<Reminder> of(UUID advisory) {
    List<Row> rows =
        jdbc.sql(
                """
                select r.id, r.sent_by, r.sent_at, t.organisation_id
                from advisory_reminder r
                join advisory_reminder_recipient t on t.reminder_id = r.id
                where r.advisory_id = :advisory
                order by r.sent_at, r.id
                """)
            .param("advisory", advisory)
            .query(
                (rs, i) ->
                    new Row(
                        rs.getObject("id", UUID.class),
                        new PersonId(rs.getObject("sent_by", UUID.class)),
                        rs.getObject("sent_at", OffsetDateTime.class).toInstant(),
                        new OrganisationId(rs.getObject("organisation_id", UUID.class))))
            .list();
    Map<UUID, Reminder> found = new LinkedHashMap<>();
    for (Row row : rows) {
      found
          .computeIfAbsent(row.id(), id -> new Reminder(id, row.by(), row.at(), new HashSet<>()))
          .to()
          .add(row.to());
    }
    return new ArrayList<>(found.values());
  }

  private record Row(UUID id, PersonId by, Instant at, OrganisationId to) {}
}
