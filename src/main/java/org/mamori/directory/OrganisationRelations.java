package org.mamori.directory;

import java.util.Set;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;

/**
 * Who looks after an organisation today: the sectors it works in, the ministries responsible for
 * them and the CEPTOARs it belongs to. The access module decides visibility from this.
 */
public record OrganisationRelations(
    OrganisationId organisation,
    Set<OrganisationKind> kinds,
    Set<SectorId> sectors,
    Set<OrganisationId> responsibleMinistries,
    Set<OrganisationId> ceptoars) {}
