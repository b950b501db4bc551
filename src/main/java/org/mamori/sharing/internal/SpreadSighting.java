package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.UUID;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A report linked to a spread alert: the sector it came from and when the shared indicator (or, for
 * a cause, the report) was seen.
 */
@Table("spread_alert_report")
record SpreadSighting(UUID reportId, UUID sectorId, Instant seenAt) {}
