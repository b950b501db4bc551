package org.mamori.shared;

import java.util.UUID;

/** Identifies a critical-infrastructure sector (分野). */
public record SectorId(UUID value) {

  public static SectorId random() {
    return new SectorId(UUID.randomUUID());
  }

  public static SectorId of(String value) {
    return new SectorId(UUID.fromString(value));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
