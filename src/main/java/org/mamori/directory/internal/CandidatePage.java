package org.mamori.directory.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;

/** What the candidate page shows. */
record CandidatePage(
    UUID id,
    LocalizedText name,
    String description,
    @Nullable UUID ministryId,
    @Nullable LocalizedText ministry,
    CandidateStage stage,
    @Nullable String sectorCode,
    @Nullable LocalizedText sectorName,
    List<CriterionLine> criteria,
    CandidateWeightedScore total,
    List<StageMark> pipeline,
    List<StepLine> history) {

  /** A criterion, explained, with the candidate's score on it (null when not scored yet). */
  record CriterionLine(
      String code,
      CandidateCriterion.Group group,
      LocalizedText name,
      String descriptionJa,
      String descriptionEn,
      String weight,
      int maxScore,
      @Nullable Integer score,
      String rationale) {

    static CriterionLine of(CandidateCriterion criterion, @Nullable CandidateScore score) {
      return new CriterionLine(
          criterion.code(),
          criterion.group(),
          criterion.name(),
          criterion.descriptionJa(),
          criterion.descriptionEn(),
          CandidateWeightedScore.plain(criterion.weight()),
          criterion.maxScore(),
          score == null ? null : score.score(),
          score == null ? "" : score.rationale());
    }

    public String description(Locale locale) {
      return DirectoryViews.pick(locale, descriptionJa, descriptionEn);
    }
  }

  /**
   * A stage of the forward path: reached (on a date) or not, and whether the candidate is there.
   */
  record StageMark(CandidateStage stage, boolean current, @Nullable LocalDate reachedOn) {}

  /** One entry of the history; {@code by} is empty when Mamori itself recorded it. */
  record StepLine(
      LocalDate on,
      @Nullable CandidateStage from,
      CandidateStage to,
      String by,
      Instant recordedAt,
      String note) {}

  public boolean open() {
    return !stage.hasEnded();
  }

  /** The step the next "advance" records; null when the next step is designation or none. */
  public @Nullable CandidateStage nextStep() {
    CandidateStage next = stage.next();
    return next == CandidateStage.DESIGNATED ? null : next;
  }

  public boolean designationNext() {
    return stage.next() == CandidateStage.DESIGNATED;
  }

  public boolean withdrawn() {
    return stage == CandidateStage.WITHDRAWN;
  }

  /** The step that ended the review (designation or withdrawal), if it has ended. */
  public @Nullable StepLine ending() {
    return open() || history.isEmpty() ? null : history.get(history.size() - 1);
  }
}
