package org.mamori.sharing.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Case references that count up within each Japanese fiscal year: R2026-00042. */
@Component
class ReferenceNumbers {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private final JdbcClient jdbc;

  ReferenceNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the next number; concurrent callers each get their own (the row is locked). */
  String next(Instant at) {
    int year = fiscalYear(at);
    int number =
        jdbc.sql(
                """
                insert into report_counter (fiscal_year, last_number) values (:year, 1)
                on conflict (fiscal_year) do update set last_number = report_counter.last_number + 1
                returning last_number
                """)
            .param("year", year)
            .query(Integer.class)
            .single();
    return "R%d-%05d".formatted(year, number);
  }

  /** April to March: 2027-03-31 belongs to fiscal year 2026. */
  static int fiscalYear(Instant at) {
    LocalDate day = LocalDate.ofInstant(at, JAPAN);
    return day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
  }
}
