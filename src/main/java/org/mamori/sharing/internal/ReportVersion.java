package org.mamori.sharing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.ReportStage;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One version of a report, exactly as written: never changed afterwards. Only the decision on a
 * version that awaits approval is recorded beside it.
 */
@Table("report_version")
record ReportVersion(
    @Id UUID id,
    UUID reportId,
    int number,
    ReportStage stage,
    Tlp tlp,
    UUID author,
    Instant writtenAt,
    String summary,
    Instant occurredAt,
    Instant detectedAt,
    String eventType,
    String impact,
    List<String> causes,
    String service,
    ReportContent.Answer otherSectorsAffected,
    ReportContent.Verification verificationLevel,
    ReportContent.Response responseStatus,
    String details,
    String indicators,
    State state,
    @Nullable UUID decidedBy,
    @Nullable Instant decidedAt,
    String decisionNote) {

  enum State {
    AWAITING_APPROVAL,
    RELEASED,
    REFUSED
  }

  static ReportVersion written(
      UUID report,
      int number,
      ReportContent content,
      PersonId author,
      boolean released,
      Instant at) {
    return new ReportVersion(
        UUID.randomUUID(),
        report,
        number,
        content.stage(),
        content.tlp(),
        author.value(),
        at,
        content.summary().strip(),
        content.occurredAt(),
        content.detectedAt(),
        content.eventType(),
        content.impact(),
        content.causes(),
        content.service().strip(),
        content.otherSectorsAffected(),
        content.verificationLevel(),
        content.responseStatus(),
        content.details().strip(),
        content.indicators().strip(),
        released ? State.RELEASED : State.AWAITING_APPROVAL,
        null,
        null,
        "");
  }

  boolean released() {
    return state == State.RELEASED;
  }

  ReportContent content() {
    return new ReportContent(
        stage,
        summary,
        occurredAt,
        detectedAt,
        eventType,
        impact,
        causes,
        service,
        otherSectorsAffected,
        verificationLevel,
        responseStatus,
        details,
        indicators,
        tlp);
  }
}
