package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A quarter of a Japanese fiscal year, which runs from 1 April to 31 March in Japan time: April to
 * June is the first quarter, January to March the fourth. 31 March 2024 belongs to fiscal year
 * 2023.
 *
 * <p>The statistics queries bucket in SQL with the same rule ({@link #SQL_FISCAL_YEAR}, {@link
 * #SQL_QUARTER}); a test holds the two together at the boundaries.
 */
record StatisticPeriod(int fiscalYear, int quarter) {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  /** The fiscal year of {@code r.submitted_at}: Japan time moved back three months. */
  static final String SQL_FISCAL_YEAR =
      "extract(year from (r.submitted_at at time zone 'Asia/Tokyo') - interval '3 months')::int";

  static final String SQL_QUARTER =
      "extract(quarter from (r.submitted_at at time zone 'Asia/Tokyo') - interval '3 months')::int";

  StatisticPeriod {
    if (quarter < 1 || quarter > 4) {
      throw new IllegalArgumentException("a quarter is 1 to 4: " + quarter);
    }
  }

  static StatisticPeriod of(Instant at) {
    LocalDate shifted = LocalDate.ofInstant(at, JAPAN).minusMonths(3);
    return new StatisticPeriod(shifted.getYear(), (shifted.getMonthValue() - 1) / 3 + 1);
  }

  static int fiscalYearOf(Instant at) {
    return of(at).fiscalYear();
  }

  /** 1 April of the fiscal year, 00:00 Japan time. */
  static Instant startOf(int fiscalYear) {
    return LocalDate.of(fiscalYear, 4, 1).atStartOfDay(JAPAN).toInstant();
  }

  /** The first instant after the fiscal year: 1 April of the next, 00:00 Japan time. */
  static Instant endOf(int fiscalYear) {
    return startOf(fiscalYear + 1);
  }

  Instant start() {
    return LocalDate.of(fiscalYear, 4, 1)
        .plusMonths(3L * (quarter - 1))
        .atStartOfDay(JAPAN)
        .toInstant();
  }

  /** The first instant after the quarter. */
  Instant end() {
    return LocalDate.of(fiscalYear, 4, 1).plusMonths(3L * quarter).atStartOfDay(JAPAN).toInstant();
  }
}
