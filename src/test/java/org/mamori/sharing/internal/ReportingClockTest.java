package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.SituationCadence;
import org.mamori.sharing.internal.ReportingClock.Item;
import org.mamori.sharing.internal.ReportingClock.NextDue;
import org.mamori.sharing.internal.ReportingClock.Sent;
import org.mamori.sharing.internal.ReportingClock.Waiting;

/**
 * The reporting clock: which report is due next and by when, under the domestic and NIS2-style
 * regimes as seeded, a regime with its own follow-up rhythm, and open situations.
 */
class ReportingClockTest {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  static final ReportingRegime DOMESTIC =
      new ReportingRegime(
          "domestic",
          new LocalizedText("国内標準", "Domestic standard"),
          60,
          null,
          null,
          30,
          ReportingRegime.Unit.DAYS,
          ReportingRegime.From.RECOVERED,
          true,
          1);

  static final ReportingRegime NIS2 =
      new ReportingRegime(
          "nis2",
          new LocalizedText("NIS2型", "NIS2-style"),
          1440,
          72,
          null,
          1,
          ReportingRegime.Unit.MONTHS,
          ReportingRegime.From.SECOND_REPORT,
          false,
          2);

  /** Follow-ups every 4 hours, final report 10 days after noticing. */
  static final ReportingRegime EVERY_4_HOURS =
      new ReportingRegime(
          "every-4h",
          new LocalizedText("4時間ごと", ""),
          30,
          null,
          4,
          10,
          ReportingRegime.Unit.DAYS,
          ReportingRegime.From.NOTICED,
          false,
          3);

  static final SectorId WATER = new SectorId(UUID.randomUUID());
  static final SectorId POWER = new SectorId(UUID.randomUUID());

  /** Noticed at 10:00 on 27 November 2026, Japan time. */
  static final Instant NOTICED = jst("2026-11-27T10:00");

  // --- the first report

  @Test
  void theFirstReportIsDuePromptlyAfterTheEventWasNoticed() {
    NextDue due = next(DOMESTIC, facts(WATER), jst("2026-11-27T10:30")).orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FIRST_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T11:00"));
    assertThat(due.overdue()).isFalse();
    assertThat(due.regime()).isEqualTo("domestic");
    assertThat(due.situation()).isNull();
  }

  @Test
  void exactlyOnTheDeadlineIsOnTimeAndOneSecondLaterIsOverdue() {
    Instant deadline = jst("2026-11-27T11:00");
    assertThat(next(DOMESTIC, facts(WATER), deadline).orElseThrow().overdue()).isFalse();
    assertThat(next(DOMESTIC, facts(WATER), deadline.plusSeconds(1)).orElseThrow().overdue())
        .isTrue();
  }

  @Test
  void nis2GivesTheEarlyWarningADay() {
    NextDue due = next(NIS2, facts(WATER), jst("2026-11-28T09:59")).orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FIRST_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-28T10:00"));
    assertThat(due.overdue()).isFalse();
  }

  @Test
  void theFirstReportIsDueAcrossMidnightAndTheDateLineOfUtc() {
    // 08:30 JST is 23:30 UTC the day before: the 60 minutes are 60 minutes either way.
    Instant noticed = jst("2026-12-01T08:30");
    NextDue due =
        ReportingClock.next(
                DOMESTIC, new ReportingClock.Facts(noticed, WATER, List.of()), List.of(), noticed)
            .orElseThrow();
    assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-12-01T00:30:00Z"));
  }

  @Test
  void aSituationDoesNotChangeWhenTheFirstReportIsDue() {
    NextDue due =
        next(DOMESTIC, facts(WATER), List.of(situation(true, Set.of(), 30)), NOTICED).orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FIRST_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T11:00"));
  }

  // --- the domestic regime after the first report

  @Test
  void domesticallyTheFinalReportWaitsForRecoveryWithNoTime() {
    NextDue due =
        next(DOMESTIC, facts(WATER, sent("2026-11-27T10:40", false)), jst("2027-03-01T00:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isNull();
    assertThat(due.waiting()).isEqualTo(Waiting.RECOVERY);
    assertThat(due.overdue()).isFalse();
  }

  @Test
  void domesticallyTheFinalReportIsDue30DaysAfterTheReportSayingItRecovered() {
    NextDue due =
        next(
                DOMESTIC,
                facts(WATER, sent("2026-11-27T10:40", false), followUp("2026-11-28T15:00", true)),
                jst("2026-12-28T15:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-12-28T15:00"));
    assertThat(due.overdue()).isFalse();
  }

  @Test
  void recoveryCountsFromTheLatestRunOfReportsSayingSo() {
    NextDue due =
        next(
                DOMESTIC,
                facts(
                    WATER,
                    sent("2026-11-27T10:40", false),
                    followUp("2026-11-28T15:00", true),
                    followUp("2026-11-29T09:00", false),
                    followUp("2026-11-30T12:00", true),
                    followUp("2026-12-01T12:00", true)),
                jst("2026-12-02T00:00"))
            .orElseThrow();
    assertThat(due.dueAt()).isEqualTo(jst("2026-12-30T12:00"));
  }

  @Test
  void aFinalReportClosesTheClock() {
    assertThat(
            next(
                DOMESTIC,
                facts(WATER, sent("2026-11-27T10:40", false), finalReport("2026-11-30T10:00")),
                List.of(situation(true, Set.of(), 30)),
                jst("2027-01-01T00:00")))
        .isEmpty();
  }

  @Test
  void aFirstReportThatIsAlreadyTheFinalOneClosesTheClock() {
    assertThat(
            next(
                NIS2,
                facts(WATER, new Sent(ReportStage.FINAL, jst("2026-11-27T10:40"), true)),
                jst("2026-11-27T11:00")))
        .isEmpty();
  }

  @Test
  void withoutAFinalReportDeadlineNothingHasATime() {
    ReportingRegime open =
        new ReportingRegime(
            "open",
            new LocalizedText("期限なし", ""),
            60,
            null,
            null,
            null,
            ReportingRegime.Unit.DAYS,
            ReportingRegime.From.RECOVERED,
            false,
            9);
    NextDue due = next(open, facts(WATER, sent("2026-11-27T10:40", true)), NOTICED).orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isNull();
    assertThat(due.waiting()).isEqualTo(Waiting.NOTHING);
  }

  // --- NIS2

  @Test
  void nis2AsksForTheIncidentNotification72HoursAfterNoticing() {
    NextDue due =
        next(NIS2, facts(WATER, sent("2026-11-28T09:00", false)), jst("2026-11-30T10:01"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.SECOND_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-30T10:00"));
    assertThat(due.overdue()).isTrue();
  }

  @Test
  void nis2AsksForTheFinalReportOneCalendarMonthAfterTheIncidentNotificationInJapanTime() {
    // Released at 01:00 on 31 January in Japan, still 30 January in UTC: one month later is the
    // last day of February in Japan (28 February 01:00 JST), not 28 February in UTC.
    Instant notification = Instant.parse("2026-01-30T16:00:00Z");
    NextDue due =
        ReportingClock.next(
                NIS2,
                new ReportingClock.Facts(
                    jst("2026-01-29T12:00"),
                    WATER,
                    List.of(
                        new Sent(ReportStage.FIRST, jst("2026-01-30T09:00"), false),
                        new Sent(ReportStage.FOLLOW_UP, notification, false))),
                List.of(),
                notification)
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-02-28T01:00"));
    assertThat(due.dueAt()).isEqualTo(Instant.parse("2026-02-27T16:00:00Z"));
  }

  @Test
  void anOpenSituationsRhythmComesBeforeNis2sIncidentNotificationWhenSooner() {
    SituationCadence.Rhythm attack = situation(false, Set.of(WATER), 60);
    NextDue due =
        next(
                NIS2,
                facts(WATER, sent("2026-11-27T10:30", false)),
                List.of(attack),
                jst("2026-11-27T11:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FOLLOW_UP);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T11:30"));
    assertThat(due.situation()).isEqualTo("S2026-001");
    assertThat(due.everyMinutes()).isEqualTo(60);
  }

  // --- follow-ups

  @Test
  void aRegimesOwnRhythmCountsFromTheLastReport() {
    NextDue due =
        next(
                EVERY_4_HOURS,
                facts(WATER, sent("2026-11-27T10:20", false), followUp("2026-11-27T13:00", false)),
                jst("2026-11-27T17:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FOLLOW_UP);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T17:00"));
    assertThat(due.overdue()).isFalse();
    assertThat(due.everyMinutes()).isEqualTo(240);
    assertThat(due.situation()).isNull();
  }

  @Test
  void followUpsStopOnceAReportSaysTheServiceRecovered() {
    NextDue due =
        next(
                EVERY_4_HOURS,
                facts(WATER, sent("2026-11-27T10:20", false), followUp("2026-11-27T13:00", true)),
                List.of(situation(true, Set.of(), 30)),
                jst("2026-11-27T18:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-12-07T10:00"));
  }

  @Test
  void aStricterSituationShortensTheRhythmForTheSectorsInItsScope() {
    SituationCadence.Rhythm attack = situation(false, Set.of(WATER), 60);
    NextDue due =
        next(
                EVERY_4_HOURS,
                facts(WATER, sent("2026-11-27T10:20", false)),
                List.of(attack),
                jst("2026-11-27T11:21"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FOLLOW_UP);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T11:20"));
    assertThat(due.overdue()).isTrue();
    assertThat(due.situation()).isEqualTo("S2026-001");
    assertThat(due.situationLevel().ja()).isEqualTo("大規模サイバー攻撃事態");
  }

  @Test
  void aSituationsRhythmCountsFromWhenItReachedItsLevelAtTheEarliest() {
    SituationCadence.Rhythm attack =
        new SituationCadence.Rhythm(
            "S2026-001",
            new LocalizedText("大規模サイバー攻撃事態", ""),
            false,
            Set.of(WATER),
            Duration.ofMinutes(60),
            jst("2026-11-27T15:00"));
    NextDue due =
        next(DOMESTIC, facts(WATER, sent("2026-11-27T10:20", false)), List.of(attack), NOTICED)
            .orElseThrow();
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T16:00"));
  }

  @Test
  void aSituationThatIsNotStricterLeavesTheRegimesRhythm() {
    NextDue due =
        next(
                EVERY_4_HOURS,
                facts(WATER, sent("2026-11-27T10:20", false)),
                List.of(situation(false, Set.of(WATER), 240), situation(true, Set.of(), 300)),
                NOTICED)
            .orElseThrow();
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T14:20"));
    assertThat(due.situation()).isNull();
  }

  @Test
  void aSituationOverAnotherSectorChangesNothing() {
    NextDue due =
        next(
                DOMESTIC,
                facts(WATER, sent("2026-11-27T10:20", false)),
                List.of(situation(false, Set.of(POWER), 60)),
                NOTICED)
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isNull();
  }

  @Test
  void aNationalSituationCoversEveryReportEvenOneWithNoSector() {
    NextDue due =
        next(
                DOMESTIC,
                facts(null, sent("2026-11-27T10:20", false)),
                List.of(situation(true, Set.of(), 180)),
                NOTICED)
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FOLLOW_UP);
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T13:20"));
    assertThat(
            next(
                DOMESTIC,
                facts(null, sent("2026-11-27T10:20", false)),
                List.of(situation(false, Set.of(WATER), 60)),
                NOTICED))
        .get()
        .extracting(NextDue::dueAt)
        .isNull();
  }

  @Test
  void theStrictestOfSeveralSituationsApplies() {
    NextDue due =
        next(
                DOMESTIC,
                facts(WATER, sent("2026-11-27T10:20", false)),
                List.of(
                    situation(true, Set.of(), 180),
                    new SituationCadence.Rhythm(
                        "S2026-002",
                        new LocalizedText("大規模サイバー攻撃事態", ""),
                        false,
                        Set.of(WATER, POWER),
                        Duration.ofMinutes(60),
                        jst("2026-11-27T09:00"))),
                NOTICED)
            .orElseThrow();
    assertThat(due.situation()).isEqualTo("S2026-002");
    assertThat(due.dueAt()).isEqualTo(jst("2026-11-27T11:20"));
  }

  @Test
  void theEarliestDeadlineComesFirst() {
    // Every 4 hours, final report 10 days after noticing: on day 10 the final report is sooner.
    NextDue due =
        next(
                EVERY_4_HOURS,
                facts(WATER, sent("2026-11-27T10:20", false), followUp("2026-12-07T08:00", false)),
                jst("2026-12-07T09:00"))
            .orElseThrow();
    assertThat(due.item()).isEqualTo(Item.FINAL_REPORT);
    assertThat(due.dueAt()).isEqualTo(jst("2026-12-07T10:00"));
  }

  // --- helpers

  private static Optional<NextDue> next(
      ReportingRegime regime, ReportingClock.Facts facts, Instant now) {
    return next(regime, facts, List.of(), now);
  }

  private static Optional<NextDue> next(
      ReportingRegime regime,
      ReportingClock.Facts facts,
      List<SituationCadence.Rhythm> situations,
      Instant now) {
    return ReportingClock.next(regime, facts, situations, now);
  }

  private static ReportingClock.Facts facts(@Nullable SectorId sector, Sent... sent) {
    return new ReportingClock.Facts(NOTICED, sector, new ArrayList<>(List.of(sent)));
  }

  private static Sent sent(String jst, boolean recovered) {
    return new Sent(ReportStage.FIRST, jst(jst), recovered);
  }

  private static Sent followUp(String jst, boolean recovered) {
    return new Sent(ReportStage.FOLLOW_UP, jst(jst), recovered);
  }

  private static Sent finalReport(String jst) {
    return new Sent(ReportStage.FINAL, jst(jst), true);
  }

  /** A situation at the top level since 09:00 on the day the event was noticed. */
  private static SituationCadence.Rhythm situation(
      boolean national, Set<SectorId> sectors, int everyMinutes) {
    return new SituationCadence.Rhythm(
        "S2026-001",
        new LocalizedText("大規模サイバー攻撃事態", "Large-scale cyber attack situation"),
        national,
        sectors,
        Duration.ofMinutes(everyMinutes),
        jst("2026-11-27T09:00"));
  }

  static Instant jst(String local) {
    return LocalDateTime.parse(local).atZone(JAPAN).toInstant();
  }
}
