package org.mamori.exchange.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class CursorAndTimestampsTest {

  @Test
  void aCursorSurvivesItsTokenToTheMicrosecond() {
    Cursor cursor = new Cursor(Instant.parse("2026-11-26T21:00:00.123456Z"), 9_876_543_210L);

    assertThat(Cursor.of(cursor.token())).contains(cursor);
    assertThat(cursor.token()).matches("[A-Za-z0-9_-]+");
  }

  @Test
  void aTokenThisServerDidNotHandOutIsNoCursor() {
    assertThat(Cursor.of("")).isEmpty();
    assertThat(Cursor.of("!!!")).isEmpty();
    assertThat(Cursor.of(encode("c1:12"))).isEmpty();
    assertThat(Cursor.of(encode("c1:x:1"))).isEmpty();
    assertThat(Cursor.of(encode("zz:1:1"))).isEmpty();
  }

  @Test
  void stixTimestampsAreReadToTheMicrosecondAndTaxiiOnesWrittenWithSixDigits() {
    assertThat(Timestamps.parse("2016-11-03T12:30:59.000Z"))
        .contains(Instant.parse("2016-11-03T12:30:59Z"));
    assertThat(Timestamps.parse("2016-11-03T12:30:59Z")).isPresent();
    assertThat(Timestamps.parse("2016-11-03T12:30:59.123456789Z"))
        .contains(Instant.parse("2016-11-03T12:30:59.123456Z"));
    assertThat(Timestamps.parse("2016-11-03T12:30:59+09:00")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03")).isEmpty();
    assertThat(Timestamps.parse("2016-13-03T12:30:59Z")).isEmpty();
    assertThat(Timestamps.parse("2016-02-30T12:30:59Z")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03T12:30:59.Z")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03T12:30:59.1234567890Z")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03T12:3a:59Z")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03 12:30:59Z")).isEmpty();
    assertThat(Timestamps.parse("2016-11-03T12:30:59.5z")).isEmpty();
    for (String text :
        List.of(
            "2016-11-03T12:30:59.000Z",
            "2016-12-31T23:59:60Z",
            "2016-12-31T24:00:00Z",
            "0001-01-01T00:00:00.000001Z",
            "2016-02-29T00:00:00.1Z")) {
      assertThat(Timestamps.parse(text))
          .as(text)
          .contains(Instant.parse(text).truncatedTo(ChronoUnit.MICROS));
    }
    assertThat(Timestamps.taxii(Instant.parse("0987-01-02T03:04:05.000006Z")))
        .isEqualTo("0987-01-02T03:04:05.000006Z");
    assertThat(Timestamps.taxii(Instant.parse("2016-11-03T12:30:59.1Z")))
        .isEqualTo("2016-11-03T12:30:59.100000Z");
  }

  @Test
  void microsecondsSinceTheEpochNameTheSameInstantEitherSideOf1970() {
    assertThat(Timestamps.ofEpochMicros(1_480_176_659_123_456L))
        .isEqualTo(Instant.parse("2016-11-26T16:10:59.123456Z"));
    assertThat(Timestamps.ofEpochMicros(-1L))
        .isEqualTo(Instant.parse("1969-12-31T23:59:59.999999Z"));
    assertThat(Timestamps.ofEpochMicros(0L)).isEqualTo(Instant.EPOCH);
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
