package org.mamori.situation.internal;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.SectorId;

/**
 * What the hub's situation desk read of a released report: the facts its rules weigh.
 *
 * @param serviceStopped the service stopped or became unusable to some users
 * @param indicators normalised indicators, each as {@code kind:value}
 */
record ObservedReport(
    UUID id,
    String reference,
    @Nullable SectorId sector,
    Instant releasedAt,
    boolean intentional,
    boolean serviceStopped,
    boolean verificationLevelReached,
    Set<String> indicators) {

  ObservedReport {
    indicators = Set.copyOf(indicators);
  }
}
