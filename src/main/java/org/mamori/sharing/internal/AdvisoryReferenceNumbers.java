package org.mamori.sharing.internal;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Advisory references that count up within each Japanese fiscal year: A2026-00012. */
@Component
class AdvisoryReferenceNumbers {

  private final JdbcClient jdbc;

  AdvisoryReferenceNumbers(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Takes the next number; concurrent callers each get their own (the row is locked). */
  String next(Instant at) {
    int year = ReferenceNumbers.fiscalYear(at);
    int number =
        jdbc.sql(
                """
                insert into advisory_counter (fiscal_year, last_number) values (:year, 1)
                on conflict (fiscal_year) do update set last_number = advisory_counter.last_number + 1
                returning last_number
                """)
            .param("year", year)
            .query(Integer.class)
            .single();
    return "A%d-%05d".formatted(year, number);
  }
}
