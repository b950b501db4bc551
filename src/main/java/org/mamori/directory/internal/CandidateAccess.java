package org.mamori.directory.internal;

import org.mamori.directory.Directory;
import org.mamori.directory.DirectoryPolicy;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who takes part in the candidate-sector review: the national hub and the sector ministries follow
 * it; only platform administrators change it.
 */
@Component
class CandidateAccess {

  private final DirectoryPolicy policy;
  private final Directory directory;

  CandidateAccess(DirectoryPolicy policy, Directory directory) {
    this.policy = policy;
    this.directory = directory;
  }

  /** Members acting for the national hub or a sector ministry, and platform administrators. */
  boolean mayView(Actor actor) {
    if (policy.mayAdministerPlatform(actor)) {
      return true;
    }
    boolean member =
        directory.membershipsOf(actor.person()).stream()
            .anyMatch(m -> m.organisation().equals(actor.organisation()));
    return member
        && directory
            .organisation(actor.organisation())
            .map(o -> o.is(OrganisationKind.NATIONAL_HUB) || o.is(OrganisationKind.SECTOR_MINISTRY))
            .orElse(false);
  }

  boolean mayChange(Actor actor) {
    return policy.mayAdministerPlatform(actor);
  }

  /**
   * @throws AccessDeniedException unless the actor may view the review
   */
  void requireViewer(Actor actor) {
    if (!mayView(actor)) {
      throw new AccessDeniedException(
          "only the national hub and sector ministries follow the review");
    }
  }

  /**
   * @throws AccessDeniedException unless the actor may change the review
   */
  void requireChanger(Actor actor) {
    if (!mayChange(actor)) {
      throw new AccessDeniedException("only platform administrators change the review");
    }
  }
}
