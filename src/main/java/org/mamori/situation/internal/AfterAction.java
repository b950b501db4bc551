package org.mamori.situation.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.Tlp;

/**
 * A situation's after-action record (事後の記録), as exported in JSON and PDF: documented in the README
 * ("After-action export"). Reports are listed only as references the reader may read now; the
 * others are only counted.
 *
 * @param format the structure's name and version
 * @param interim exported while the situation was still open
 */
record AfterAction(
    String format,
    boolean interim,
    Instant exportedAt,
    String exportedBy,
    Summary situation,
    List<LevelEntry> levels,
    List<DecisionEntry> decisions,
    List<ParticipantEntry> participants,
    List<ReportEntry> reports,
    int reportsNotShown,
    List<SitrepEntry> sitreps) {

  static final String FORMAT = "mamori.situation.after-action/1";

  record Summary(
      String reference,
      String title,
      LocalizedText level,
      boolean national,
      List<LocalizedText> sectors,
      Instant openedAt,
      @Nullable Instant closedAt,
      @Nullable String closedBy,
      String closeReason) {}

  /** One level decision: opening (no {@code from}) or a change. */
  record LevelEntry(
      Instant at,
      @Nullable LocalizedText from,
      LocalizedText to,
      String decidedBy,
      @Nullable String confirmedBy,
      String reason) {}

  /** A proposal about the situation (a rule's or a duty officer's) and what became of it. */
  record DecisionEntry(
      Instant proposedAt,
      @Nullable LocalizedText rule,
      @Nullable String proposedBy,
      LocalizedText level,
      String state,
      @Nullable String firstConfirmedBy,
      String firstReason,
      @Nullable String decidedBy,
      @Nullable Instant decidedAt,
      String decisionReason) {}

  record ParticipantEntry(
      LocalizedText organisation,
      LocalizedText level,
      Instant joinedAt,
      @Nullable Instant leftAt) {}

  record ReportEntry(String reference, String title, Tlp tlp) {}

  record SitrepEntry(
      int number,
      Instant issuedAt,
      String issuedBy,
      String advisory,
      Tlp tlp,
      @Nullable Instant acknowledgeBy,
      int recipients,
      int acknowledged,
      String body) {}
}
