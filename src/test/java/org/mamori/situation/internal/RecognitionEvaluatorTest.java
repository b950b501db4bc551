package org.mamori.situation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;

/**
 * A scripted multi-sector attack: reports reach the hub over simulated time, and the evaluator
 * finds the rules they meet at the moment each arrives.
 */
class RecognitionEvaluatorTest {

  static final SectorId POWER = SectorId.random();
  static final SectorId WATER = SectorId.random();
  static final SectorId TELECOM = SectorId.random();
  static final Instant START = Instant.parse("2026-12-01T00:00:00Z");

  static final RecognitionRule OUTAGE =
      new RecognitionRule(
          "outage",
          RecognitionRule.Kind.INTENTIONAL_OUTAGE,
          new LocalizedText("停止", "Stopped"),
          3,
          1,
          Duration.ofHours(6),
          "cyber-attack",
          true);
  static final RecognitionRule INDICATOR =
      new RecognitionRule(
          "indicator",
          RecognitionRule.Kind.SHARED_INDICATOR,
          new LocalizedText("痕跡", "Indicator"),
          2,
          3,
          Duration.ofHours(24),
          "ci-outage",
          true);
  static final RecognitionRule VERIFICATION =
      new RecognitionRule(
          "verification",
          RecognitionRule.Kind.VERIFICATION_LEVEL,
          new LocalizedText("検証", "Level"),
          1,
          1,
          Duration.ofHours(6),
          "ci-outage",
          true);

  final RecognitionEvaluator evaluator = new RecognitionEvaluator();
  final List<ObservedReport> observed = new ArrayList<>();
  Clock clock = Clock.fixed(START, ZoneOffset.UTC);

  @Test
  void intentionalOutagesInThreeSectorsWithinSixHoursAreFoundWhenTheThirdArrives() {
    assertThat(arrive(Duration.ZERO, attack(POWER))).isEmpty();
    assertThat(arrive(Duration.ofHours(2), attack(WATER))).isEmpty();
    assertThat(arrive(Duration.ofHours(1), attack(WATER))).isEmpty();

    List<RecognitionEvaluator.Finding> found = arrive(Duration.ofHours(2), attack(TELECOM));

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(OUTAGE);
              assertThat(f.sectors()).containsExactlyInAnyOrder(POWER, WATER, TELECOM);
              assertThat(f.reports()).hasSize(4);
            });
  }

  @Test
  void anOutageOlderThanTheWindowNoLongerCounts() {
    arrive(Duration.ZERO, attack(POWER));
    arrive(Duration.ofHours(4), attack(WATER));

    assertThat(arrive(Duration.ofHours(3), attack(TELECOM))).isEmpty();
    assertThat(arrive(Duration.ofHours(1), attack(POWER)))
        .singleElement()
        .satisfies(f -> assertThat(f.sectors()).hasSize(3));
  }

  @Test
  void accidentalOrHarmlessReportsDoNotCountAsAnAttack() {
    arrive(Duration.ZERO, report(POWER, false, true, false));
    arrive(Duration.ofMinutes(10), report(WATER, true, false, false));

    assertThat(arrive(Duration.ofMinutes(10), attack(TELECOM))).isEmpty();
  }

  @Test
  void threeReportsSharingAnIndicatorAcrossTwoSectorsAreFoundOncePerIndicator() {
    arrive(Duration.ZERO, withIndicators(POWER, "domain:c2.example"));
    assertThat(arrive(Duration.ofHours(3), withIndicators(POWER, "domain:c2.example"))).isEmpty();

    List<RecognitionEvaluator.Finding> found =
        arrive(Duration.ofHours(10), withIndicators(WATER, "domain:c2.example", "ipv4:192.0.2.1"));

    assertThat(found)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.rule()).isEqualTo(INDICATOR);
              assertThat(f.indicator()).isEqualTo("domain:c2.example");
              assertThat(f.sectors()).containsExactlyInAnyOrder(POWER, WATER);
            });
  }

  @Test
  void aReportThatReachedItsVerificationLevelIsFoundAlone() {
    assertThat(arrive(Duration.ZERO, report(TELECOM, false, false, true)))
        .singleElement()
        .satisfies(f -> assertThat(f.rule()).isEqualTo(VERIFICATION));
  }

  @Test
  void aDisabledRuleFindsNothing() {
    RecognitionRule off =
        new RecognitionRule(
            "off",
            RecognitionRule.Kind.VERIFICATION_LEVEL,
            new LocalizedText("無効", "Off"),
            1,
            1,
            Duration.ofHours(6),
            "ci-outage",
            false);
    ObservedReport reached = at(report(TELECOM, false, false, true), START);
    assertThat(evaluator.evaluate(List.of(off), List.of(reached), reached, START)).isEmpty();
  }

  /** Moves the clock on, lets the report arrive, and evaluates as the desk would. */
  private List<RecognitionEvaluator.Finding> arrive(Duration later, ObservedReport report) {
    clock = Clock.offset(clock, later);
    ObservedReport arrived = at(report, clock.instant());
    observed.add(arrived);
    return evaluator.evaluate(
        List.of(OUTAGE, INDICATOR, VERIFICATION), List.copyOf(observed), arrived, clock.instant());
  }

  private static ObservedReport attack(SectorId sector) {
    return report(sector, true, true, false);
  }

  private static ObservedReport report(
      SectorId sector, boolean intentional, boolean stopped, boolean reached) {
    return new ObservedReport(
        UUID.randomUUID(), "R", sector, START, intentional, stopped, reached, Set.of());
  }

  private static ObservedReport withIndicators(SectorId sector, String... indicators) {
    return new ObservedReport(
        UUID.randomUUID(), "R", sector, START, false, false, false, Set.of(indicators));
  }

  private static ObservedReport at(ObservedReport r, Instant releasedAt) {
    return new ObservedReport(
        r.id(),
        r.reference(),
        r.sector(),
        releasedAt,
        r.intentional(),
        r.serviceStopped(),
        r.verificationLevelReached(),
        r.indicators());
  }
}
