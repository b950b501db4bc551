package org.mamori.platform.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Shows stored UTC instants in Japan time, always naming the zone ({@code ${@times.show(at)}}). */
@Component("times")
public class Times {

  public static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  public String show(@Nullable Instant at) {
    return at == null ? "" : SHOWN.format(at.atZone(JAPAN)) + " JST";
  }

  /** The machine-readable form for {@code <time datetime>}. */
  public String iso(@Nullable Instant at) {
    return at == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(at.atZone(JAPAN));
  }
}
