package org.mamori.directory.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.directory.OrganisationKind;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Changes to the candidate-sector review: candidates, their scores and steps, designation, and the
 * criteria. Only platform administrators change anything; every change is audited.
 */
@Service
@Transactional
class CandidateReview {

  private final Candidates candidates;
  private final CandidateCriteria criteria;
  private final Organisations organisations;
  private final SectorAdministration sectors;
  private final CandidateAccess access;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  CandidateReview(
      Candidates candidates,
      CandidateCriteria criteria,
      Organisations organisations,
      SectorAdministration sectors,
      CandidateAccess access,
      ApplicationEventPublisher events,
      Clock clock) {
    this.candidates = candidates;
    this.criteria = criteria;
    this.organisations = organisations;
    this.sectors = sectors;
    this.access = access;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Names a new candidate.
   *
   * @throws AccessDeniedException unless the actor administers the platform
   */
  UUID propose(
      Actor by, LocalizedText name, String description, @Nullable OrganisationId ministry) {
    access.requireChanger(by);
    requireMinistry(ministry);
    CandidateSector saved =
        candidates.save(
            CandidateSector.propose(
                name, description, ministry, step(by, JapanDate.today(clock), "")));
    audit(by, "directory.candidate.proposed", saved, null, "Candidate " + name.ja() + " proposed");
    return saved.id();
  }

  void describe(
      Actor by,
      UUID id,
      LocalizedText name,
      String description,
      @Nullable OrganisationId ministry) {
    access.requireChanger(by);
    requireMinistry(ministry);
    CandidateSector candidate = candidate(id);
    CandidateState before = CandidateState.of(candidate);
    candidate.describe(name, description, ministry);
    audit(by, "directory.candidate.described", candidates.save(candidate), before, "Described");
  }

  void score(Actor by, UUID id, String criterionCode, int score, String rationale) {
    access.requireChanger(by);
    CandidateCriterion criterion =
        criteria
            .findById(criterionCode)
            .orElseThrow(() -> new DirectoryRuleViolation("candidate.criterion.unknown"));
    CandidateSector candidate = candidate(id);
    CandidateState before = CandidateState.of(candidate);
    candidate.score(criterion, score, rationale);
    audit(
        by,
        "directory.candidate.scored",
        candidates.save(candidate),
        before,
        "Scored " + score + " on " + criterionCode);
  }

  /**
   * Records one step forward, up to establishing the CEPTOAR; designation has its own method.
   *
   * @param to the stage the person meant to move to, so a repeated or stale request is refused
   *     instead of moving the candidate twice
   */
  void advance(Actor by, UUID id, CandidateStage to, LocalDate on, String note) {
    access.requireChanger(by);
    CandidateSector candidate = candidate(id);
    CandidateState before = CandidateState.of(candidate);
    CandidateStep step = step(by, on, note);
    switch (to) {
      case MINISTRY_CONSULTED -> candidate.consultMinistry(step);
      case PARTICIPATION_EXPECTED -> candidate.expectParticipation(step);
      case CEPTOAR_BEING_ESTABLISHED -> candidate.beginEstablishingCeptoar(step);
      default -> throw new DirectoryRuleViolation("candidate.stage.notNext");
    }
    audit(by, "directory.candidate.advanced", candidates.save(candidate), before, "Now " + to);
  }

  void withdraw(Actor by, UUID id, LocalDate on, String reason) {
    access.requireChanger(by);
    CandidateSector candidate = candidate(id);
    CandidateState before = CandidateState.of(candidate);
    candidate.withdraw(step(by, on, reason));
    audit(by, "directory.candidate.withdrawn", candidates.save(candidate), before, "Withdrawn");
  }

  /**
   * The last step: makes the sector, with the candidate's responsible ministry, in this same
   * transaction, and links the candidate to it. Either both happen or neither does.
   *
   * @param splitFromCode the code of the sector the new one is split from, or null
   * @return the new sector
   */
  SectorId designate(
      Actor by,
      UUID id,
      String sectorCode,
      LocalizedText sectorName,
      LocalDate on,
      @Nullable String splitFromCode,
      String noteJa,
      String noteEn) {
    access.requireChanger(by);
    CandidateSector candidate = candidate(id);
    CandidateState before = CandidateState.of(candidate);
    CandidateStep step = step(by, on, noteJa);
    candidate.requireDesignatable(step);
    OrganisationId ministry = candidate.responsibleMinistry();
    if (ministry == null) {
      throw new DirectoryRuleViolation("candidate.ministry.required");
    }
    SectorId sector =
        sectors.designate(
            by,
            sectorCode,
            sectorName,
            on,
            ministry,
            splitFromCode,
            noteJa.strip(),
            noteEn.strip());
    candidate.designateAs(sector, step);
    audit(
        by,
        "directory.candidate.designated",
        candidates.save(candidate),
        before,
        "Designated as sector " + sectorCode);
    return sector;
  }

  /** Rewords and reweighs a criterion. Its scale cannot shrink below a score a candidate holds. */
  void reviseCriterion(
      Actor by,
      String code,
      LocalizedText name,
      String descriptionJa,
      String descriptionEn,
      BigDecimal weight,
      int maxScore) {
    access.requireChanger(by);
    CandidateCriterion criterion =
        criteria
            .findById(code)
            .orElseThrow(() -> new DirectoryRuleViolation("candidate.criterion.unknown"));
    int highest = criteria.highestScoreGiven(code);
    if (maxScore < highest) {
      throw new DirectoryRuleViolation("candidate.criterion.scaleBelowScores", highest);
    }
    CriterionState before = CriterionState.of(criterion);
    try {
      criterion.revise(name, descriptionJa, descriptionEn, weight, maxScore);
    } catch (IllegalArgumentException e) {
      throw new DirectoryRuleViolation("candidate.criterion.outOfRange");
    }
    CandidateCriterion saved = criteria.save(criterion);
    events.publishEvent(
        new AuditableChange(
            by,
            "directory.candidate-criterion.revised",
            "candidate-criterion",
            code,
            "Criterion " + code + " revised",
            before,
            CriterionState.of(saved)));
  }

  private CandidateStep step(Actor by, LocalDate on, String note) {
    return new CandidateStep(on, by.person(), clock.instant(), note);
  }

  private void requireMinistry(@Nullable OrganisationId ministry) {
    if (ministry == null) {
      return;
    }
    Organisation organisation =
        organisations
            .findById(ministry.value())
            .orElseThrow(() -> new DirectoryRuleViolation("organisation.unknown"));
    if (!organisation.is(OrganisationKind.SECTOR_MINISTRY)) {
      throw new DirectoryRuleViolation("candidate.ministry.notMinistry");
    }
  }

  private CandidateSector candidate(UUID id) {
    return candidates
        .findById(id)
        .orElseThrow(() -> new DirectoryRuleViolation("candidate.unknown"));
  }

  private void audit(
      Actor by,
      String action,
      CandidateSector after,
      @Nullable CandidateState before,
      String summary) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            "candidate-sector",
            after.id().toString(),
            summary,
            before,
            CandidateState.of(after)));
  }

  /** What the audit digest covers. */
  record CandidateState(
      String nameJa,
      String nameEn,
      String description,
      @Nullable String ministry,
      String stage,
      @Nullable String designatedSector,
      List<String> scores,
      List<String> history) {

    static CandidateState of(CandidateSector candidate) {
      return new CandidateState(
          candidate.name().ja(),
          candidate.name().en(),
          candidate.description(),
          candidate.responsibleMinistry() == null
              ? null
              : candidate.responsibleMinistry().toString(),
          candidate.stage().name(),
          candidate.designatedSector() == null ? null : candidate.designatedSector().toString(),
          candidate.scoresInOrder().stream()
              .map(s -> s.criterionCode() + "=" + s.score() + " " + s.rationale())
              .toList(),
          candidate.history().stream()
              .map(
                  h ->
                      h.occurredOn()
                          + " "
                          + h.fromStage()
                          + "→"
                          + h.toStage()
                          + " "
                          + h.changedBy()
                          + " "
                          + h.note())
              .toList());
    }
  }

  /** What the audit digest covers. */
  record CriterionState(
      String nameJa,
      String nameEn,
      String descriptionJa,
      String descriptionEn,
      String weight,
      int maxScore) {

    static CriterionState of(CandidateCriterion criterion) {
      return new CriterionState(
          criterion.name().ja(),
          criterion.name().en(),
          criterion.descriptionJa(),
          criterion.descriptionEn(),
          CandidateWeightedScore.plain(criterion.weight()),
          criterion.maxScore());
    }
  }
}
