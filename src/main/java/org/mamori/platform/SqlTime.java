package org.mamori.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.jspecify.annotations.Nullable;

/**
 * The PostgreSQL driver binds and reads {@code timestamptz} as {@link OffsetDateTime}, not {@link
 * Instant}; these convert at the JDBC boundary (Spring Data JDBC converts by itself).
 */
public final class SqlTime {

  private SqlTime() {}

  public static @Nullable OffsetDateTime utc(@Nullable Instant instant) {
    return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
  }

  public static @Nullable Instant instant(@Nullable OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
