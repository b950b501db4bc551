package org.mamori.sharing.internal;

import java.util.Set;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/**
 * Who an advisory is for, as its issuer chose: everyone, or any mix of sectors (their operators),
 * kinds of organisation and named organisations. It is resolved to organisations once, when the
 * advisory is issued.
 */
record AdvisoryAudience(
    boolean everyone,
    Set<SectorId> sectors,
    Set<OrganisationKind> kinds,
    Set<OrganisationId> organisations) {

  AdvisoryAudience {
    sectors = Set.copyOf(sectors);
    kinds = Set.copyOf(kinds);
    organisations = Set.copyOf(organisations);
  }

  boolean isEmpty() {
    return !everyone && sectors.isEmpty() && kinds.isEmpty() && organisations.isEmpty();
  }
}
