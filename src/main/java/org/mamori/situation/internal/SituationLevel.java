package org.mamori.situation.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;

/**
 * A level a situation may reach, ordered by {@code rank} (0 is normal operations).
 *
 * @param followUpMinutes how often organisations in scope send a follow-up report; null for none
 * @param twoPerson reaching this level needs a second duty officer's confirmation
 * @param joiningKinds organisations of these kinds join the response at this level
 * @param joiningOrganisations these organisations (vendors of the affected systems) join too
 */
record SituationLevel(
    String code,
    int rank,
    LocalizedText name,
    @Nullable Integer followUpMinutes,
    boolean twoPerson,
    Set<OrganisationKind> joiningKinds,
    Set<OrganisationId> joiningOrganisations) {

  SituationLevel {
    joiningKinds = Set.copyOf(joiningKinds);
    joiningOrganisations = Set.copyOf(joiningOrganisations);
  }

  /** Does its posture bring the organisation in? */
  boolean brings(OrganisationSummary organisation) {
    return organisation.active()
        && (joiningOrganisations.contains(organisation.id())
            || organisation.kinds().stream().anyMatch(joiningKinds::contains));
  }

  Optional<Duration> followUpInterval() {
    return Optional.ofNullable(followUpMinutes).map(Duration::ofMinutes);
  }

  boolean isAbove(SituationLevel other) {
    return rank > other.rank;
  }
}
