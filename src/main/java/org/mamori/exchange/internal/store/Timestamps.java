package org.mamori.exchange.internal.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Timestamps as STIX and TAXII write them: RFC 3339 in UTC with a {@code Z}. TAXII's own (date
 * added, status times) have exactly six fractional digits; STIX ones any number. PostgreSQL keeps
 * microseconds, so times are compared at that precision.
 */
public final class Timestamps {

  private static final Pattern RFC3339_UTC =
      Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
  private static final DateTimeFormatter TAXII =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  /** The instant of a timestamp such as {@code 2016-11-03T12:30:59.000Z}, to the microsecond. */
  public static Optional<Instant> parse(String text) {
    if (!RFC3339_UTC.matcher(text).matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Instant.parse(text).truncatedTo(ChronoUnit.MICROS));
    } catch (DateTimeParseException notADate) {
      return Optional.empty();
    }
  }

  /** A TAXII timestamp: {@code 2016-11-03T12:30:59.123456Z}. */
  public static String taxii(Instant instant) {
    return TAXII.format(instant);
  }
}
