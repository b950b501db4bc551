package org.mamori.sharing;

import org.jspecify.annotations.Nullable;
import org.mamori.shared.OrganisationId;

/**
 * An organisation as exports name it.
 *
 * @param sectorCode its sector's code ({@code electricity}, …); null when it has none (a ministry,
 *     the national hub)
 */
public record ExportedOrganisation(
    OrganisationId id, String nameJa, String nameEn, @Nullable String sectorCode) {}
