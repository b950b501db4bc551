package org.mamori.exchange.internal.mapping;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * STIX timestamps. {@code created} and {@code modified} are to the millisecond as the specification
 * asks; every other time is written exactly, so reading it back loses nothing.
 */
final class StixTime {

  private static final DateTimeFormatter MILLIS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private StixTime() {}

  static String millis(Instant time) {
    return MILLIS.format(time.truncatedTo(ChronoUnit.MILLIS));
  }

  static String exact(Instant time) {
    return DateTimeFormatter.ISO_INSTANT.format(time);
  }

  static Instant parse(String timestamp) {
    return Instant.parse(timestamp);
  }
}
