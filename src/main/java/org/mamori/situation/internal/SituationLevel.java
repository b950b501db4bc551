package org.mamori.situation.internal;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;

/**
 * A level a situation may reach, ordered by {@code rank} (0 is normal operations).
 *
 * @param followUpMinutes how often organisations in scope send a follow-up report; null for none
 * @param twoPerson reaching this level needs a second duty officer's confirmation
 */
record SituationLevel(
    String code,
    int rank,
    LocalizedText name,
    @Nullable Integer followUpMinutes,
    boolean twoPerson) {

  Optional<Duration> followUpInterval() {
    return Optional.ofNullable(followUpMinutes).map(Duration::ofMinutes);
  }

  boolean isAbove(SituationLevel other) {
    return rank > other.rank;
  }
}
