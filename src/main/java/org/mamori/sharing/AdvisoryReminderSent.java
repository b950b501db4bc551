package org.mamori.sharing;

import java.util.Set;
import java.util.UUID;
import org.mamori.shared.OrganisationId;

/** The issuer reminded the organisations that have not acknowledged an advisory yet. */
public record AdvisoryReminderSent(
    UUID advisory, String reference, Set<OrganisationId> notYetAcknowledged) {}
