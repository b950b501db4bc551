package org.mamori.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/** Dates in the directory (designations, ministry assignments) are Japanese calendar dates. */
final class JapanDate {

  static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");

  private JapanDate() {}

  static LocalDate today(Clock clock) {
    return LocalDate.now(clock.withZone(JAPAN));
  }
}
