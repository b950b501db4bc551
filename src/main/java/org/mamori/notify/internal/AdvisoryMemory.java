package org.mamori.notify.internal;

import java.util.Optional;
import java.util.UUID;
import org.mamori.platform.SqlTime;
import org.mamori.shared.OrganisationId;
import org.mamori.sharing.AdvisoryIssued;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers who issued each advisory and whether it asks for an acknowledgement, from its {@link
 * AdvisoryIssued} event: later events about the advisory (relays, acknowledgements) carry neither.
 */
@Component
class AdvisoryMemory {

  private final JdbcClient jdbc;

  AdvisoryMemory(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  void remember(AdvisoryIssued issued) {
    jdbc.sql(
            """
            insert into notify_advisory (advisory_id, issuer, acknowledge_by)
            values (:advisory, :issuer, :acknowledgeBy)
            on conflict (advisory_id) do nothing
            """)
        .param("advisory", issued.advisory())
        .param("issuer", issued.issuer().value())
        .param("acknowledgeBy", SqlTime.utc(issued.acknowledgeBy()))
        .update();
  }

  /** The organisation that issued the advisory, if its issue was seen. */
  Optional<OrganisationId> issuer(UUID advisory) {
    return jdbc.sql("select issuer from notify_advisory where advisory_id = :advisory")
        .param("advisory", advisory)
        .query(UUID.class)
        .optional()
        .map(OrganisationId::new);
  }

  /** Whether recipients must acknowledge the advisory (by a deadline), as far as is known. */
  boolean asksAcknowledgement(UUID advisory) {
    return jdbc.sql(
            """
            select exists (select 1 from notify_advisory
                           where advisory_id = :advisory and acknowledge_by is not null)
            """)
        .param("advisory", advisory)
        .query(Boolean.class)
        .single();
  }
}
