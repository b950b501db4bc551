package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** What the trend pages make of the filter a request asks for. */
class TrendFilterTest {

  static final TrendFilter.Codes CODES =
      new TrendFilter.Codes(Set.of("electricity"), Set.of("malware"), Set.of("ddos"));

  @Test
  void withoutYearsThePageCountsFromTheFirstYearWithReportsToThisOne() {
    TrendFilter filter = read(null, null, null, 2019);
    assertThat(filter.from()).isEqualTo(2019);
    assertThat(filter.to()).isEqualTo(2026);
  }

  @Test
  void withoutYearsThePageGoesBackTenYearsAtMost() {
    TrendFilter filter = read(null, null, null, 2001);
    assertThat(filter.years()).hasSize(TrendFilter.DEFAULT_YEARS).endsWith(2026);
  }

  @Test
  void yearsAfterThisOneAndBackwardRangesAreMadeSensible() {
    assertThat(read(2030, 2040, null, null).years()).containsExactly(2026);
    assertThat(read(2023, 2020, null, null).years()).containsExactly(2020);
    assertThat(read(1900, 2026, null, null).years()).hasSize(TrendFilter.MAX_YEARS);
  }

  @Test
  void unknownCodesAreIgnoredAndAQuarterNeedsOneYear() {
    TrendFilter filter =
        TrendFilter.read(
            2021, 2021, 2, "nowhere", "malware", "ddos;drop", false, false, CODES, 2026, 2019);
    assertThat(filter.sector()).isNull();
    assertThat(filter.eventType()).isEqualTo("malware");
    assertThat(filter.cause()).isNull();
    assertThat(filter.quarter()).isEqualTo(2);
    assertThat(read(2020, 2021, 2, null).quarter()).isNull();
  }

  @Test
  void aCellOfTheTableLinksToItsReportsWithTheFilterKept() {
    TrendFilter filter =
        TrendFilter.read(
            2019, 2023, null, "electricity", null, null, true, false, CODES, 2026, 2019);
    assertThat(filter.inQuarter(2021, 3).ofEventType("malware").reportsLink())
        .isEqualTo(
            "/trends/reports?from=2021&to=2021&quarter=3&sector=electricity&eventType=malware"
                + "&hub=true");
  }

  private static TrendFilter read(
      Integer from, Integer to, Integer quarter, Integer firstYearWithReports) {
    return TrendFilter.read(
        from, to, quarter, null, null, null, false, false, CODES, 2026, firstYearWithReports);
  }
}
