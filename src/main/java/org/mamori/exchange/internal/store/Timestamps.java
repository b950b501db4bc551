package org.mamori.exchange.internal.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Timestamps as STIX and TAXII write them: RFC 3339 in UTC with a {@code Z}. TAXII's own (date
 * added, status times) have exactly six fractional digits; STIX ones any number. PostgreSQL keeps
 * microseconds, so times are compared at that precision.
 */
public final class Timestamps {

  private static final DateTimeFormatter TAXII =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** Where the fixed part of {@code 2016-11-03T12:30:59} has its separators. */
  private static final String SEPARATORS = "    -  -  T  :  :  ";

  private Timestamps() {}

  /**
   * The instant of a timestamp such as {@code 2016-11-03T12:30:59.000Z}, to the microsecond. Read
   * by hand rather than by {@link Instant#parse}: every stored and posted object has two of them.
   */
  public static Optional<Instant> parse(String text) {
    int length = text.length();
    if (length < 20 || text.charAt(length - 1) != 'Z') {
      return Optional.empty();
    }
    for (int i = 0; i < 19; i++) {
      char c = text.charAt(i);
      if (SEPARATORS.charAt(i) == ' ' ? c < '0' || c > '9' : c != SEPARATORS.charAt(i)) {
        return Optional.empty();
      }
    }
    int nanos = 0;
    if (length > 20) {
      int digits = length - 21;
      if (text.charAt(19) != '.' || digits < 1 || digits > 9) {
        return Optional.empty();
      }
      for (int i = 20; i < length - 1; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return Optional.empty();
        }
        nanos = nanos * 10 + (c - '0');
      }
      for (int i = digits; i < 9; i++) {
        nanos *= 10;
      }
    }
    int hour = number(text, 11, 2);
    int minute = number(text, 14, 2);
    int second = number(text, 17, 2);
    // As Instant.parse reads them: 24:00:00 is the next day's midnight, a leap second is :59.
    boolean endOfDay = hour == 24 && minute == 0 && second == 0 && nanos == 0;
    if (hour == 23 && minute == 59 && second == 60) {
      second = 59;
    }
    try {
      LocalDateTime time =
          LocalDateTime.of(
              number(text, 0, 4),
              number(text, 5, 2),
              number(text, 8, 2),
              endOfDay ? 0 : hour,
              minute,
              second,
              nanos - nanos % 1000);
      return Optional.of((endOfDay ? time.plusDays(1) : time).toInstant(ZoneOffset.UTC));
    } catch (DateTimeException notADate) {
      return Optional.empty();
    }
  }

  private static int number(String text, int from, int digits) {
    int value = 0;
    for (int i = from; i < from + digits; i++) {
      value = value * 10 + (text.charAt(i) - '0');
    }
    return value;
  }

  /** The instant a count of microseconds since 1970-01-01T00:00:00Z names. */
  public static Instant ofEpochMicros(long micros) {
    return Instant.ofEpochSecond(
        Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
  }

  /** A TAXII timestamp: {@code 2016-11-03T12:30:59.123456Z}. */
  public static String taxii(Instant instant) {
    LocalDateTime time = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
    if (time.getYear() < 0 || time.getYear() > 9999) {
      return TAXII.format(instant);
    }
    char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
    digits(text, 0, 4, time.getYear());
    digits(text, 5, 2, time.getMonthValue());
    digits(text, 8, 2, time.getDayOfMonth());
    digits(text, 11, 2, time.getHour());
    digits(text, 14, 2, time.getMinute());
    digits(text, 17, 2, time.getSecond());
    digits(text, 20, 6, instant.getNano() / 1000);
    return new String(text);
  }

  private static void digits(char[] text, int from, int count, int value) {
    for (int i = from + count - 1; i >= from; i--) {
      text[i] = (char) ('0' + value % 10);
      value /= 10;
    }
  }
}
