package org.mamori.access.internal;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What every page shows about the signed-in person ({@code ${me}} in templates).
 *
 * @param organisationKinds the kinds of the organisation acted for (menus differ for a ministry)
 * @param twoStepSuggested the person administers the platform without two-step sign-in (allowed
 *     only in the demo)
 */
record CurrentUser(
    String displayName,
    UUID organisationId,
    String organisationName,
    List<MembershipChoice> memberships,
    Set<String> capabilities,
    Set<String> organisationKinds,
    boolean twoStepSuggested) {

  record MembershipChoice(UUID organisationId, String organisationName) {}

  public boolean can(String capability) {
    return capabilities.contains(capability);
  }

  public boolean actsFor(String kind) {
    return organisationKinds.contains(kind);
  }
}
