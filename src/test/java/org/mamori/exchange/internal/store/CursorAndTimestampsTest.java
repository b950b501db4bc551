package org.mamori.exchange.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
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
    assertThat(Timestamps.taxii(Instant.parse("2016-11-03T12:30:59.1Z")))
        .isEqualTo("2016-11-03T12:30:59.100000Z");
  }

  private static String encode(String text) {
    return Base64.getUrlEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
