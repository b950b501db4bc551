package org.mamori.directory;

import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;

/** A sector as other modules see it. */
public record SectorSummary(SectorId id, String code, LocalizedText name, int displayOrder) {}
