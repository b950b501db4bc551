package org.mamori.directory;

import java.util.Set;
import org.mamori.shared.OrganisationId;

/** A person's place in one organisation, with the capabilities its roles grant there. */
public record MembershipSummary(
    OrganisationId organisation, Set<String> roles, Set<Capability> capabilities) {

  public boolean can(Capability capability) {
    return capabilities.contains(capability);
  }
}
