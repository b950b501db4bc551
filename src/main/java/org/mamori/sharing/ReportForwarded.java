package org.mamori.sharing;

import java.util.UUID;
import org.mamori.shared.OrganisationId;

/** A report reached an organisation, passed on by another (or sent straight to it). */
public record ReportForwarded(
    UUID report, String reference, OrganisationId from, OrganisationId to, boolean emergency) {}
