package org.mamori.directory.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;

/**
 * A field under review for addition to critical infrastructure (重要インフラの定義及び範囲の見直し): scored on the
 * criteria, then taken one dated step at a time through the consultation until it is designated as
 * a sector or withdrawn. Every step is kept; once designated or withdrawn, nothing changes any
 * more.
 */
class CandidateSector {

  private final @Id UUID id;
  private String nameJa;
  private String nameEn;
  private String description;
  private @Nullable UUID responsibleMinistry;
  private CandidateStage stage;
  private @Nullable UUID designatedSectorId;
  private final Instant createdAt;

  @MappedCollection(idColumn = "candidate_id")
  private final Set<CandidateScore> scores;

  @MappedCollection(idColumn = "candidate_id", keyColumn = "position")
  private final List<CandidateStageChange> history;

  private @Version @Nullable Long version;

  @PersistenceCreator
  CandidateSector(
      UUID id,
      String nameJa,
      String nameEn,
      String description,
      @Nullable UUID responsibleMinistry,
      CandidateStage stage,
      @Nullable UUID designatedSectorId,
      Instant createdAt,
      Set<CandidateScore> scores,
      List<CandidateStageChange> history,
      @Nullable Long version) {
    this.id = id;
    this.nameJa = nameJa;
    this.nameEn = nameEn;
    this.description = description;
    this.responsibleMinistry = responsibleMinistry;
    this.stage = stage;
    this.designatedSectorId = designatedSectorId;
    this.createdAt = createdAt;
    this.scores = new HashSet<>(scores);
    this.history = new ArrayList<>(history);
    this.version = version;
  }

  /** A new candidate; its history starts with the step that named it. */
  static CandidateSector propose(
      LocalizedText name,
      String description,
      @Nullable OrganisationId ministry,
      CandidateStep step) {
    CandidateSector candidate =
        new CandidateSector(
            UUID.randomUUID(),
            name.ja().strip(),
            name.en().strip(),
            description.strip(),
            ministry == null ? null : ministry.value(),
            CandidateStage.CANDIDATE,
            null,
            step.recordedAt(),
            Set.of(),
            List.of(),
            null);
    candidate.history.add(CandidateStageChange.of(null, CandidateStage.CANDIDATE, step));
    return candidate;
  }

  /**
   * Renames and redescribes the candidate and names its responsible ministry. Once the ministry has
   * been consulted, the candidate cannot be left without one.
   */
  void describe(LocalizedText name, String description, @Nullable OrganisationId ministry) {
    requireOpen();
    if (ministry == null && stage != CandidateStage.CANDIDATE) {
      throw new DirectoryRuleViolation("candidate.ministry.required");
    }
    this.nameJa = name.ja().strip();
    this.nameEn = name.en().strip();
    this.description = description.strip();
    this.responsibleMinistry = ministry == null ? null : ministry.value();
  }

  /** Scores the candidate on one criterion, replacing an earlier score on it. */
  void score(CandidateCriterion criterion, int score, String rationale) {
    requireOpen();
    if (score < 0 || score > criterion.maxScore()) {
      throw new DirectoryRuleViolation("candidate.score.outOfRange", criterion.maxScore());
    }
    scores.removeIf(s -> s.criterionCode().equals(criterion.code()));
    scores.add(new CandidateScore(criterion.code(), score, rationale.strip()));
  }

  /** 所管省庁に打診: needs a responsible ministry, or there is no one to have consulted. */
  void consultMinistry(CandidateStep step) {
    requireNext(CandidateStage.MINISTRY_CONSULTED);
    if (responsibleMinistry == null) {
      throw new DirectoryRuleViolation("candidate.ministry.required");
    }
    moveForwardTo(CandidateStage.MINISTRY_CONSULTED, step);
  }

  /** 参加の見込み. */
  void expectParticipation(CandidateStep step) {
    moveForwardTo(CandidateStage.PARTICIPATION_EXPECTED, step);
  }

  /** セプター設立中. */
  void beginEstablishingCeptoar(CandidateStep step) {
    moveForwardTo(CandidateStage.CEPTOAR_BEING_ESTABLISHED, step);
  }

  /**
   * Checks that the candidate may be designated with this step, before anything is created for it.
   *
   * @throws DirectoryRuleViolation if it may not
   */
  void requireDesignatable(CandidateStep step) {
    requireNext(CandidateStage.DESIGNATED);
    if (responsibleMinistry == null) {
      throw new DirectoryRuleViolation("candidate.ministry.required");
    }
    requireNotBeforeLastStep(step);
  }

  /**
   * 指定: the last step, linking the candidate to the sector made for it. The designation date may
   * lie ahead (a sector designated from the start of the next plan).
   */
  void designateAs(SectorId sector, CandidateStep step) {
    requireDesignatable(step);
    this.designatedSectorId = sector.value();
    record(CandidateStage.DESIGNATED, step);
  }

  /** 見送り: from any stage before designation, with the reason in the note. */
  void withdraw(CandidateStep step) {
    requireOpen();
    if (step.note().isEmpty()) {
      throw new DirectoryRuleViolation("candidate.withdraw.reasonRequired");
    }
    requireNotInFuture(step);
    requireNotBeforeLastStep(step);
    record(CandidateStage.WITHDRAWN, step);
  }

  private void moveForwardTo(CandidateStage target, CandidateStep step) {
    requireNext(target);
    requireNotInFuture(step);
    requireNotBeforeLastStep(step);
    record(target, step);
  }

  private void requireNext(CandidateStage target) {
    requireOpen();
    if (stage.next() != target) {
      throw new DirectoryRuleViolation("candidate.stage.notNext");
    }
  }

  private void requireOpen() {
    if (stage.hasEnded()) {
      throw new DirectoryRuleViolation("candidate.ended");
    }
  }

  private void requireNotInFuture(CandidateStep step) {
    if (step.on().isAfter(step.recordedOn())) {
      throw new DirectoryRuleViolation("candidate.step.inFuture");
    }
  }

  /**
   * Steps are dated in order. The entry that named the candidate does not count: it is dated when
   * the candidate was entered into Mamori, and a consultation may well have come before that.
   */
  private void requireNotBeforeLastStep(CandidateStep step) {
    Optional<CandidateStageChange> last = lastMove();
    if (last.isPresent() && step.on().isBefore(last.get().occurredOn())) {
      throw new DirectoryRuleViolation("candidate.step.beforeLast", last.get().occurredOn());
    }
  }

  private void record(CandidateStage target, CandidateStep step) {
    history.add(CandidateStageChange.of(stage, target, step));
    this.stage = target;
  }

  /** The last step that moved the candidate from one stage to another, if any. */
  Optional<CandidateStageChange> lastMove() {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).fromStage() != null) {
        return Optional.of(history.get(i));
      }
    }
    return Optional.empty();
  }

  UUID id() {
    return id;
  }

  LocalizedText name() {
    return new LocalizedText(nameJa, nameEn);
  }

  String description() {
    return description;
  }

  @Nullable OrganisationId responsibleMinistry() {
    return responsibleMinistry == null ? null : new OrganisationId(responsibleMinistry);
  }

  CandidateStage stage() {
    return stage;
  }

  @Nullable SectorId designatedSector() {
    return designatedSectorId == null ? null : new SectorId(designatedSectorId);
  }

  /** Score by criterion code. */
  Map<String, CandidateScore> scores() {
    return scores.stream()
        .collect(Collectors.toMap(CandidateScore::criterionCode, s -> s, (a, b) -> a));
  }

  /** The history, oldest first. */
  List<CandidateStageChange> history() {
    return List.copyOf(history);
  }

  List<CandidateScore> scoresInOrder() {
    return scores.stream().sorted(Comparator.comparing(CandidateScore::criterionCode)).toList();
  }
}
