package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A report's arrival at one organisation, and its passing on.
 *
 * @param step 1 for those who heard from the originator, 2 for the next, …
 * @param fromOrganisation who passed it on (null: straight from the originator)
 */
@Table("report_hop")
record Hop(
    UUID organisationId,
    int step,
    @Nullable UUID fromOrganisation,
    String channel,
    boolean emergency,
    Instant receivedAt,
    @Nullable Instant forwardedAt,
    @Nullable UUID forwardedBy,
    String assessment) {

  boolean forwarded() {
    return forwardedAt != null;
  }

  Hop forwardedBy(@Nullable UUID person, String withAssessment, Instant at) {
    return new Hop(
        organisationId,
        step,
        fromOrganisation,
        channel,
        emergency,
        receivedAt,
        at,
        person,
        withAssessment);
  }
}
