package org.mamori.sharing.internal;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The search fields above the report list, as typed (Japan dates). */
record SearchForm(
    @Nullable String q,
    @Nullable UUID sector,
    @Nullable String eventType,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate until) {

  private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  ReportViews.Filter filter(ReportViews.Box box) {
    return new ReportViews.Filter(
        box,
        q,
        sector,
        eventType == null || eventType.isBlank() ? null : eventType,
        from == null ? null : from.atStartOfDay(JAPAN).toInstant(),
        until == null ? null : until.plusDays(1).atStartOfDay(JAPAN).toInstant());
  }
}
