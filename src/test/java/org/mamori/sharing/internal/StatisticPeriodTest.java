package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Japanese fiscal years run April to March in Japan time; statistics bucket by them. */
class StatisticPeriodTest {

  @Test
  void theLastSecondOfMarchInJapanBelongsToTheFourthQuarterOfTheYearBefore() {
    assertThat(StatisticPeriod.of(jst("2024-03-31T23:59:59")))
        .isEqualTo(new StatisticPeriod(2023, 4));
  }

  @Test
  void theFirstOfAprilInJapanStartsANewFiscalYear() {
    assertThat(StatisticPeriod.of(jst("2024-04-01T00:00:00")))
        .isEqualTo(new StatisticPeriod(2024, 1));
  }

  @Test
  void aprilStartsInJapanWhileItIsStillMarchInUtc() {
    assertThat(StatisticPeriod.of(Instant.parse("2024-03-31T15:00:00Z")))
        .isEqualTo(new StatisticPeriod(2024, 1));
    assertThat(StatisticPeriod.of(Instant.parse("2024-03-31T14:59:59Z")))
        .isEqualTo(new StatisticPeriod(2023, 4));
  }

  @Test
  void quartersTurnAtTheStartOfJulyOctoberAndJanuary() {
    assertThat(StatisticPeriod.of(jst("2024-06-30T23:59:59")).quarter()).isEqualTo(1);
    assertThat(StatisticPeriod.of(jst("2024-07-01T00:00:00")).quarter()).isEqualTo(2);
    assertThat(StatisticPeriod.of(jst("2024-09-30T23:59:59")).quarter()).isEqualTo(2);
    assertThat(StatisticPeriod.of(jst("2024-10-01T00:00:00")).quarter()).isEqualTo(3);
    assertThat(StatisticPeriod.of(jst("2024-12-31T23:59:59")))
        .isEqualTo(new StatisticPeriod(2024, 3));
    assertThat(StatisticPeriod.of(jst("2025-01-01T00:00:00")))
        .isEqualTo(new StatisticPeriod(2024, 4));
  }

  @Test
  void aPeriodStartsAndEndsAtMidnightInJapan() {
    assertThat(StatisticPeriod.startOf(2024)).isEqualTo(jst("2024-04-01T00:00:00"));
    assertThat(StatisticPeriod.endOf(2024)).isEqualTo(jst("2025-04-01T00:00:00"));
    assertThat(new StatisticPeriod(2024, 4).start()).isEqualTo(jst("2025-01-01T00:00:00"));
    assertThat(new StatisticPeriod(2024, 4).end()).isEqualTo(jst("2025-04-01T00:00:00"));
  }

  private static Instant jst(String local) {
    return OffsetDateTime.parse(local + "+09:00").toInstant();
  }
}
