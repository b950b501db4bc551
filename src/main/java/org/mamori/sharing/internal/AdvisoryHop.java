package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An advisory's arrival at one organisation, and its relaying on.
 *
 * @param step 1 for those who heard from the issuer, 2 for the next, …
 * @param fromOrganisation who relayed it (null: straight from the issuer)
 * @param addressed the organisation is in the audience the issuer chose
 * @param relayedBy who relayed it on; null when it was relayed at once, as the map says
 */
@Table("advisory_hop")
record AdvisoryHop(
    UUID organisationId,
    int step,
    @Nullable UUID fromOrganisation,
    String channel,
    boolean addressed,
    Instant receivedAt,
    @Nullable Instant relayedAt,
    @Nullable UUID relayedBy) {

  boolean relayed() {
    return relayedAt != null;
  }

  AdvisoryHop relayedBy(@Nullable UUID person, Instant at) {
    return new AdvisoryHop(
        organisationId, step, fromOrganisation, channel, addressed, receivedAt, at, person);
  }
}
