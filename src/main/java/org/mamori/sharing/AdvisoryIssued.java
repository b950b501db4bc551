package org.mamori.sharing;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;

/**
 * An advisory (情報提供) went out to its audience.
 *
 * @param acknowledgeBy when recipients must acknowledge it by; null when no acknowledgement is
 *     asked
 */
public record AdvisoryIssued(
    UUID advisory, String reference, OrganisationId issuer, @Nullable Instant acknowledgeBy) {}
