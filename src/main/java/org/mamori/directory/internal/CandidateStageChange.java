package org.mamori.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.relational.core.mapping.Table;

/** One dated entry in a candidate's history: from which stage to which, who, and why. */
@Table("candidate_stage_change")
record CandidateStageChange(
    UUID id,
    @Nullable CandidateStage fromStage,
    CandidateStage toStage,
    LocalDate occurredOn,
    Instant changedAt,
    UUID changedBy,
    String note) {

  static CandidateStageChange of(
      @Nullable CandidateStage from, CandidateStage to, CandidateStep step) {
    return new CandidateStageChange(
        UUID.randomUUID(), from, to, step.on(), step.recordedAt(), step.by().value(), step.note());
  }
}
