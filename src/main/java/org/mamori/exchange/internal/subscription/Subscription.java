package org.mamori.exchange.internal.subscription;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

/**
 * A subscription as stored: what administrators set, and how its polls have gone.
 *
 * @param remoteUrl the remote collection's address, ending in a slash
 * @param sealedSecret the token or password, sealed ({@link SubscriptionCredentials})
 * @param highWaterMark the remote's date added of the last object received, as it wrote it
 * @param lastErrorStatus the HTTP status of the last failure, when the remote answered at all
 */
record Subscription(
    UUID id,
    String title,
    URI remoteUrl,
    AuthKind authKind,
    @Nullable String authUser,
    @Nullable String sealedSecret,
    Duration pollInterval,
    Tlp ceiling,
    UUID targetCollection,
    OrganisationId receivingOrganisation,
    boolean enabled,
    @Nullable String highWaterMark,
    Instant nextPollAt,
    @Nullable Instant lastPollAt,
    @Nullable Instant lastSuccessAt,
    @Nullable Instant lastErrorAt,
    @Nullable Integer lastErrorStatus,
    @Nullable String lastError,
    int consecutiveFailures,
    Counts lastCounts,
    Instant createdAt) {

  /** Whether the last poll failed. */
  public boolean failing() {
    return consecutiveFailures > 0;
  }

  public long pollMinutes() {
    return pollInterval.toMinutes();
  }

  SubscriptionDefinition definition() {
    return new SubscriptionDefinition(
        title,
        remoteUrl,
        authKind,
        authUser,
        null,
        pollInterval,
        ceiling,
        targetCollection,
        receivingOrganisation);
  }

  /**
   * What became of the objects of one poll.
   *
   * @param aboveCeiling skipped: marked stricter than the subscription accepts
   * @param refused not stored: invalid, TLP:RED, or in conflict with a stored version
   */
  record Counts(int stored, int unchanged, int aboveCeiling, int refused) {

    static final Counts NONE = new Counts(0, 0, 0, 0);

    Counts plus(Counts other) {
      return new Counts(
          stored + other.stored,
          unchanged + other.unchanged,
          aboveCeiling + other.aboveCeiling,
          refused + other.refused);
    }
  }
}
