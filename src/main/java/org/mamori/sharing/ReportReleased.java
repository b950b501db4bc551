package org.mamori.sharing;

import java.util.UUID;
import org.mamori.shared.OrganisationId;

/**
 * A version of a report left its organisation (at once, or once approved) and reached the
 * organisations on its route.
 *
 * @param report the case
 * @param reference the case's reference, such as {@code R2026-00042}
 * @param version the version released (1 for the first report)
 */
public record ReportReleased(
    UUID report, String reference, OrganisationId originator, int version, ReportStage stage) {}
