package org.mamori.sharing.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Acknowledgements of receipt: only ever inserted, at most one per organisation and advisory. */
@Repository
class Acknowledgements {

  private final JdbcClient jdbc;

  Acknowledgements(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records the acknowledgement; false if the organisation had acknowledged already. */
  boolean record(Acknowledgement acknowledgement) {
    return jdbc.sql(
                """
                insert into advisory_acknowledgement
                  (advisory_id, organisation_id, person_id, acknowledged_at, late)
                values (:advisory, :organisation, :person, :at, :late)
                on conflict (advisory_id, organisation_id) do nothing
                """)
            .param("advisory", acknowledgement.advisory())
            .param("organisation", acknowledgement.organisation().value())
            .param("person", acknowledgement.by().value())
            .param("at", SqlTime.utc(acknowledgement.at()))
            .param("late", acknowledgement.late())
            .update()
        == 1;
  }

  List<Acknowledgement> of(UUID advisory) {
    return jdbc.sql(
            """
            select organisation_id, person_id, acknowledged_at, late from advisory_acknowledgement
            where advisory_id = :advisory order by acknowledged_at
            """)
        .param("advisory", advisory)
        .query(
            (rs, i) ->
                new Acknowledgement(
                    advisory,
                    new OrganisationId(rs.getObject("organisation_id", UUID.class)),
                    new PersonId(rs.getObject("person_id", UUID.class)),
                    rs.getObject("acknowledged_at", OffsetDateTime.class).toInstant(),
                    rs.getBoolean("late")))
        .list();
  }
}
