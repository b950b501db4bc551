package org.mamori.sharing;

import java.util.UUID;
import org.mamori.shared.OrganisationId;

/** An advisory reached an organisation, relayed down the sharing map (or sent straight to it). */
public record AdvisoryRelayed(
    UUID advisory, String reference, OrganisationId from, OrganisationId to) {}
