package org.mamori.directory;

import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;

/** A critical-infrastructure service an operator runs, and its sector. */
public record ServiceSummary(LocalizedText name, SectorId sector) {}
