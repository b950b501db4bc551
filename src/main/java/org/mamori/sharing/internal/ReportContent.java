package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;

/**
 * What a reporter writes in one version. Six things are required for a first report: what happened,
 * when it started, when it was noticed, what kind of event, its effect on the service, and how
 * widely it may be shared.
 */
record ReportContent(
    ReportStage stage,
    String summary,
    Instant occurredAt,
    Instant detectedAt,
    String eventType,
    String impact,
    List<String> causes,
    String service,
    Answer otherSectorsAffected,
    Verification verificationLevel,
    Response responseStatus,
    String details,
    String indicators,
    Tlp tlp) {

  enum Answer {
    YES,
    NO,
    UNKNOWN
  }

  enum Verification {
    REACHED,
    NOT_REACHED,
    UNKNOWN
  }

  enum Response {
    INVESTIGATING,
    CONTAINED,
    RECOVERED
  }

  ReportContent {
    causes = List.copyOf(causes);
  }

  static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
