package org.mamori.directory.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mamori.directory.DirectoryRuleViolation;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;

class CandidatePipelineTest {

  /** 2026-06-01 10:00 in Japan. */
  private static final Instant NOW = Instant.parse("2026-06-01T01:00:00Z");

  private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
  private static final PersonId ADMIN = PersonId.random();
  private static final OrganisationId MINISTRY = OrganisationId.random();

  private static CandidateStep on(LocalDate date, String note) {
    return new CandidateStep(date, ADMIN, NOW, note);
  }

  private static CandidateStep on(LocalDate date) {
    return on(date, "");
  }

  private static CandidateSector candidate(OrganisationId ministry) {
    return CandidateSector.propose(new LocalizedText("宇宙", "Space"), "衛星の運用", ministry, on(TODAY));
  }

  private static CandidateCriterion criterion(String code, int max) {
    return new CandidateCriterion(
        code,
        CandidateCriterion.Group.CONTROL_SYSTEM,
        "制御",
        "Control",
        "",
        "",
        BigDecimal.ONE,
        max,
        1,
        0L);
  }

  /** A candidate taken to the given stage, a day per step from 2026-01-02. */
  private static CandidateSector at(CandidateStage stage) {
    CandidateSector candidate = candidate(MINISTRY);
    LocalDate day = LocalDate.of(2026, 1, 1);
    if (stage == CandidateStage.WITHDRAWN) {
      candidate.withdraw(on(day, "見送り"));
      return candidate;
    }
    while (candidate.stage() != stage) {
      day = day.plusDays(1);
      switch (candidate.stage()) {
        case CANDIDATE -> candidate.consultMinistry(on(day));
        case MINISTRY_CONSULTED -> candidate.expectParticipation(on(day));
        case PARTICIPATION_EXPECTED -> candidate.beginEstablishingCeptoar(on(day));
        case CEPTOAR_BEING_ESTABLISHED -> candidate.designateAs(SectorId.random(), on(day));
        default -> throw new IllegalArgumentException("cannot reach " + stage);
      }
    }
    return candidate;
  }

  private static void refused(Runnable change, String messageKey) {
    assertThatThrownBy(change::run)
        .isInstanceOf(DirectoryRuleViolation.class)
        .extracting(e -> ((DirectoryRuleViolation) e).messageKey())
        .isEqualTo(messageKey);
  }

  @Test
  void aNewCandidateStartsAsACandidateWithItsNamingInTheHistory() {
    CandidateSector candidate = candidate(MINISTRY);

    assertThat(candidate.stage()).isEqualTo(CandidateStage.CANDIDATE);
    assertThat(candidate.history())
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.fromStage()).isNull();
              assertThat(h.toStage()).isEqualTo(CandidateStage.CANDIDATE);
              assertThat(h.occurredOn()).isEqualTo(TODAY);
              assertThat(h.changedBy()).isEqualTo(ADMIN.value());
            });
  }

  @Test
  void theStagesFollowOneAnotherWithEveryStepDatedAndKept() {
    CandidateSector candidate = candidate(MINISTRY);
    SectorId sector = SectorId.random();

    candidate.consultMinistry(on(LocalDate.of(2025, 4, 10), "経済産業省に説明"));
    candidate.expectParticipation(on(LocalDate.of(2025, 9, 1), "業界団体が前向き"));
    candidate.beginEstablishingCeptoar(on(LocalDate.of(2025, 12, 1), ""));
    candidate.designateAs(sector, on(LocalDate.of(2026, 4, 1), "行動計画の改定"));

    assertThat(candidate.stage()).isEqualTo(CandidateStage.DESIGNATED);
    assertThat(candidate.designatedSector()).isEqualTo(sector);
    assertThat(candidate.history())
        .extracting(CandidateStageChange::toStage)
        .containsExactly(
            CandidateStage.CANDIDATE,
            CandidateStage.MINISTRY_CONSULTED,
            CandidateStage.PARTICIPATION_EXPECTED,
            CandidateStage.CEPTOAR_BEING_ESTABLISHED,
            CandidateStage.DESIGNATED);
    assertThat(candidate.history())
        .extracting(CandidateStageChange::fromStage)
        .containsExactly(
            null,
            CandidateStage.CANDIDATE,
            CandidateStage.MINISTRY_CONSULTED,
            CandidateStage.PARTICIPATION_EXPECTED,
            CandidateStage.CEPTOAR_BEING_ESTABLISHED);
    assertThat(candidate.history().get(1).note()).isEqualTo("経済産業省に説明");
    assertThat(candidate.history().get(4).occurredOn()).isEqualTo(LocalDate.of(2026, 4, 1));
  }

  @Test
  void noStageCanBeSkipped() {
    CandidateSector candidate = candidate(MINISTRY);

    refused(() -> candidate.expectParticipation(on(TODAY)), "candidate.stage.notNext");
    refused(() -> candidate.beginEstablishingCeptoar(on(TODAY)), "candidate.stage.notNext");
    refused(() -> candidate.designateAs(SectorId.random(), on(TODAY)), "candidate.stage.notNext");
    assertThat(candidate.stage()).isEqualTo(CandidateStage.CANDIDATE);
  }

  @Test
  void aStepCannotBeRecordedTwice() {
    CandidateSector candidate = at(CandidateStage.MINISTRY_CONSULTED);

    refused(() -> candidate.consultMinistry(on(TODAY)), "candidate.stage.notNext");
    assertThat(candidate.history()).hasSize(2);
  }

  @Test
  void consultingTheMinistryNeedsAResponsibleMinistry() {
    CandidateSector candidate = candidate(null);

    refused(() -> candidate.consultMinistry(on(TODAY)), "candidate.ministry.required");

    candidate.describe(new LocalizedText("宇宙", ""), "", MINISTRY);
    candidate.consultMinistry(on(TODAY));
    assertThat(candidate.stage()).isEqualTo(CandidateStage.MINISTRY_CONSULTED);
  }

  @Test
  void aWithdrawnCandidateWithoutAMinistryIsRefusedAsEndedNotAsMissingAMinistry() {
    CandidateSector candidate = candidate(null);
    candidate.withdraw(on(TODAY, "見送り"));

    refused(() -> candidate.consultMinistry(on(TODAY)), "candidate.ended");
  }

  @Test
  void onceConsultedTheCandidateKeepsAResponsibleMinistry() {
    CandidateSector candidate = at(CandidateStage.MINISTRY_CONSULTED);

    refused(
        () -> candidate.describe(new LocalizedText("宇宙", ""), "", null),
        "candidate.ministry.required");
    assertThat(candidate.responsibleMinistry()).isEqualTo(MINISTRY);
  }

  @Test
  void aStepCannotBeDatedBeforeThePreviousOne() {
    CandidateSector candidate = candidate(MINISTRY);
    candidate.consultMinistry(on(LocalDate.of(2026, 3, 1)));

    refused(
        () -> candidate.expectParticipation(on(LocalDate.of(2026, 2, 28))),
        "candidate.step.beforeLast");

    candidate.expectParticipation(on(LocalDate.of(2026, 3, 1)));
    assertThat(candidate.stage()).isEqualTo(CandidateStage.PARTICIPATION_EXPECTED);
  }

  @Test
  void aConsultationMayPredateTheDayTheCandidateWasEntered() {
    CandidateSector candidate = candidate(MINISTRY);

    candidate.consultMinistry(on(TODAY.minusYears(1)));

    assertThat(candidate.stage()).isEqualTo(CandidateStage.MINISTRY_CONSULTED);
  }

  @Test
  void stepsThatHappenedCannotBeDatedInTheFutureButADesignationCan() {
    CandidateSector candidate = candidate(MINISTRY);

    refused(() -> candidate.consultMinistry(on(TODAY.plusDays(1))), "candidate.step.inFuture");

    CandidateSector ready = at(CandidateStage.CEPTOAR_BEING_ESTABLISHED);
    ready.designateAs(SectorId.random(), on(TODAY.plusMonths(10)));
    assertThat(ready.stage()).isEqualTo(CandidateStage.DESIGNATED);
  }

  @ParameterizedTest
  @EnumSource(
      value = CandidateStage.class,
      names = {
        "CANDIDATE",
        "MINISTRY_CONSULTED",
        "PARTICIPATION_EXPECTED",
        "CEPTOAR_BEING_ESTABLISHED"
      })
  void aCandidateCanBeWithdrawnAtAnyStageBeforeDesignation(CandidateStage stage) {
    CandidateSector candidate = at(stage);

    candidate.withdraw(on(TODAY, "今回は対象外とする"));

    assertThat(candidate.stage()).isEqualTo(CandidateStage.WITHDRAWN);
    assertThat(candidate.lastMove())
        .hasValueSatisfying(
            h -> {
              assertThat(h.fromStage()).isEqualTo(stage);
              assertThat(h.note()).isEqualTo("今回は対象外とする");
            });
  }

  @Test
  void aDesignatedCandidateCannotBeWithdrawn() {
    CandidateSector candidate = at(CandidateStage.DESIGNATED);

    refused(() -> candidate.withdraw(on(TODAY, "取りやめ")), "candidate.ended");
    assertThat(candidate.stage()).isEqualTo(CandidateStage.DESIGNATED);
  }

  @Test
  void withdrawingNeedsAReason() {
    CandidateSector candidate = candidate(MINISTRY);

    refused(() -> candidate.withdraw(on(TODAY, "  ")), "candidate.withdraw.reasonRequired");
    assertThat(candidate.stage()).isEqualTo(CandidateStage.CANDIDATE);
  }

  @Test
  void nothingChangesOnceWithdrawn() {
    CandidateSector candidate = at(CandidateStage.WITHDRAWN);

    refused(() -> candidate.withdraw(on(TODAY, "再度")), "candidate.ended");
    refused(() -> candidate.consultMinistry(on(TODAY)), "candidate.ended");
    refused(() -> candidate.score(criterion("impact", 3), 1, ""), "candidate.ended");
    refused(() -> candidate.describe(new LocalizedText("別名", ""), "", MINISTRY), "candidate.ended");
  }

  @Test
  void scoresStayWithinTheCriterionsScaleAndAReScoreReplacesTheOldOne() {
    CandidateSector candidate = candidate(MINISTRY);
    CandidateCriterion impact = criterion("impact", 3);

    refused(() -> candidate.score(impact, 4, ""), "candidate.score.outOfRange");
    refused(() -> candidate.score(impact, -1, ""), "candidate.score.outOfRange");

    candidate.score(impact, 1, "小規模");
    candidate.score(impact, 3, " 全国規模 ");

    assertThat(candidate.scores())
        .containsOnlyKeys("impact")
        .containsValue(new CandidateScore("impact", 3, "全国規模"));
  }

  @Test
  void designationLinksTheCandidateToItsSector() {
    CandidateSector candidate = at(CandidateStage.CEPTOAR_BEING_ESTABLISHED);
    SectorId sector = new SectorId(UUID.randomUUID());

    candidate.designateAs(sector, on(TODAY, "指定"));

    assertThat(candidate.designatedSector()).isEqualTo(sector);
    refused(() -> candidate.designateAs(SectorId.random(), on(TODAY)), "candidate.ended");
  }

  @Test
  void theForwardPathEndsAtDesignation() {
    assertThat(CandidateStage.CANDIDATE.next()).isEqualTo(CandidateStage.MINISTRY_CONSULTED);
    assertThat(CandidateStage.CEPTOAR_BEING_ESTABLISHED.next())
        .isEqualTo(CandidateStage.DESIGNATED);
    assertThat(CandidateStage.DESIGNATED.next()).isNull();
    assertThat(CandidateStage.WITHDRAWN.next()).isNull();
  }
}
