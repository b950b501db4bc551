package org.mamori.situation.internal;

import java.time.Duration;
import org.mamori.shared.LocalizedText;

/**
 * A condition over the reports reaching the hub that, when met, proposes a level. Every kind is
 * read the same way: the reports released within {@code window} that the kind picks out (for {@link
 * Kind#SHARED_INDICATOR}, per indicator) must number at least {@code minReports} and come from at
 * least {@code minSectors} sectors.
 */
record RecognitionRule(
    String code,
    Kind kind,
    LocalizedText name,
    int minSectors,
    int minReports,
    Duration window,
    String proposedLevel,
    boolean enabled) {

  enum Kind {
    /** Reports with an intentional cause whose service stopped or became unusable. */
    INTENTIONAL_OUTAGE,
    /** Reports sharing one indicator. */
    SHARED_INDICATOR,
    /** Reports whose event reached the sector's verification level. */
    VERIFICATION_LEVEL
  }
}
