package org.mamori.exchange.internal.store;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;

/**
 * Where a page ended: the last row's date added and row number. date_added only grows within a
 * collection, so a cursor stays valid while objects are being added: nothing is skipped, nothing
 * served twice. Clients see it as an opaque {@code next} token.
 */
public record Cursor(Instant dateAdded, long row) {

  private static final String PREFIX = "c1:";

  /** The opaque token TAXII clients send back as {@code next}. */
  public String token() {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, dateAdded);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((PREFIX + micros + ":" + row).getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor a token stands for; empty for anything this server did not hand out. */
  public static Optional<Cursor> of(String token) {
    try {
      String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      if (!text.startsWith(PREFIX)) {
        return Optional.empty();
      }
      String[] parts = text.substring(PREFIX.length()).split(":", -1);
      if (parts.length != 2) {
        return Optional.empty();
      }
      return Optional.of(
          new Cursor(
              Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS),
              Long.parseLong(parts[1])));
    } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException bad) {
      return Optional.empty();
    }
  }
}
