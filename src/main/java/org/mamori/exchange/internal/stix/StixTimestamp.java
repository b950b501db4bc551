package org.mamori.exchange.internal.stix;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * A STIX timestamp, {@code YYYY-MM-DDTHH:mm:ss[.s+]Z}: RFC 3339 in UTC with a literal {@code Z}, a
 * real calendar date and a leap second allowed. Parsed by hand: the validator reads thousands of
 * them per bundle.
 */
record StixTimestamp(Instant instant, int fractionDigits) implements Comparable<StixTimestamp> {

  private static final int[] DAYS_IN_MONTH = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

  /** The timestamp, or null when the text is not one. */
  static @Nullable StixTimestamp parse(String text) {
    int length = text.length();
    if (length < 20
        || text.charAt(4) != '-'
        || text.charAt(7) != '-'
        || text.charAt(10) != 'T'
        || text.charAt(13) != ':'
        || text.charAt(16) != ':'
        || text.charAt(length - 1) != 'Z') {
      return null;
    }
    int year = digits(text, 0, 4);
    int month = digits(text, 5, 7);
    int day = digits(text, 8, 10);
    int hour = digits(text, 11, 13);
    int minute = digits(text, 14, 16);
    int second = digits(text, 17, 19);
    if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) {
      return null;
    }
    if (minute < 0 || minute > 59 || second < 0 || second > 60) {
      return null;
    }
    if (day > DAYS_IN_MONTH[month - 1] || (month == 2 && day == 29 && !isLeapYear(year))) {
      return null;
    }
    int fractionDigits = 0;
    long nanos = 0;
    if (length > 20) {
      if (text.charAt(19) != '.' || length == 21) {
        return null;
      }
      fractionDigits = length - 21;
      for (int i = 20; i < length - 1; i++) {
        char c = text.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        if (i < 29) {
          nanos = nanos * 10 + (c - '0');
        }
      }
      for (int i = Math.min(fractionDigits, 9); i < 9; i++) {
        nanos *= 10;
      }
    }
    long epochDay = LocalDate.of(year, month, day).toEpochDay();
    long seconds = epochDay * 86_400 + hour * 3_600L + minute * 60L + second;
    return new StixTimestamp(Instant.ofEpochSecond(seconds, nanos), fractionDigits);
  }

  @Override
  public int compareTo(StixTimestamp other) {
    return instant.compareTo(other.instant);
  }

  private static int digits(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  private static boolean isLeapYear(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  }
}
