package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.UUID;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;

/**
 * A recipient organisation's acknowledgement of receipt (受領確認): who clicked, when, and whether
 * after the deadline. One per organisation and advisory.
 */
record Acknowledgement(
    UUID advisory, OrganisationId organisation, PersonId by, Instant at, boolean late) {}
