package org.mamori.situation.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;
import org.mamori.directory.OrganisationSummary;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.Tlp;

/**
 * A level a situation may reach, ordered by {@code rank} (0 is normal operations).
 *
 * @param followUpMinutes how often organisations in scope send a follow-up report; null for none
 * @param twoPerson reaching this level needs a second duty officer's confirmation
 * @param joiningKinds organisations of these kinds join the response at this level
 * @param joiningOrganisations these organisations (vendors of the affected systems) join too
 * @param acknowledgement who must acknowledge the advisories issued for a situation at this level
 *     (its SITREPs)
 * @param minimumTlp the least strict marking those advisories may carry
 */
record SituationLevel(
    String code,
    int rank,
    LocalizedText name,
    @Nullable Integer followUpMinutes,
    boolean twoPerson,
    Set<OrganisationKind> joiningKinds,
    Set<OrganisationId> joiningOrganisations,
    Acknowledgement acknowledgement,
    Tlp minimumTlp) {

  /**
   * Who must acknowledge a situation's advisories. The sharing module asks an advisory's
   * acknowledgement of every organisation it reaches, so the choice is between all of them and
   * nobody.
   */
  enum Acknowledgement {
    /**
     * Every organisation the advisory reaches: the operators of the sectors in scope, the
     * organisations taking part, and the ministries and CEPTOARs it passes through.
     */
    EVERYONE_REACHED,
    /** Nobody: the advisories inform; no deadline is set. */
    NOBODY
  }

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

  public boolean asksAcknowledgement() {
    return acknowledgement == Acknowledgement.EVERYONE_REACHED;
  }

  /** May an advisory for a situation at this level carry the marking? */
  boolean allowsMarking(Tlp tlp) {
    return tlp == minimumTlp || tlp.isStricterThan(minimumTlp);
  }

  /** A new SITREP's marking: TLP:AMBER, or the level's minimum where that is stricter. */
  Tlp defaultMarking() {
    return minimumTlp.isStricterThan(Tlp.AMBER) ? minimumTlp : Tlp.AMBER;
  }

  boolean isAbove(SituationLevel other) {
    return rank > other.rank;
  }
}
