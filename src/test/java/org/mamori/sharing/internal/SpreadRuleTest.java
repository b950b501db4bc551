package org.mamori.sharing.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mamori.sharing.SpreadSuspected;

/** A possible spread needs two sectors; an open alert grows as reports keep arriving. */
class SpreadRuleTest {

  static final UUID WATER = UUID.randomUUID();
  static final UUID POWER = UUID.randomUUID();
  static final UUID GAS = UUID.randomUUID();
  static final Instant NOON = Instant.parse("2026-11-26T03:00:00Z");

  @Test
  void reportsFromOneSectorAreNoSpread() {
    List<SpreadSighting> water = List.of(seen(WATER, 0), seen(WATER, 1));
    assertThat(SpreadAlert.spansSectors(water)).isFalse();
    assertThatThrownBy(
            () ->
                SpreadAlert.raise(
                    SpreadSuspected.Basis.INDICATOR, "IPV4", "192.0.2.1", water, NOON))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void reportsFromTwoSectorsRaiseAnAlertSpanningTheirTimes() {
    SpreadAlert alert =
        SpreadAlert.raise(
            SpreadSuspected.Basis.CAUSE, "", "ddos", List.of(seen(WATER, 5), seen(POWER, 1)), NOON);
    assertThat(alert.sectors()).isEqualTo(2);
    assertThat(alert.firstSeenAt()).isEqualTo(NOON.plusSeconds(3600));
    assertThat(alert.lastSeenAt()).isEqualTo(NOON.plusSeconds(5 * 3600));
  }

  @Test
  void anAlertWidensOnlyWhenAFurtherSectorJoinsAndTakesEachReportOnce() {
    SpreadSighting first = seen(WATER, 0);
    SpreadAlert alert =
        SpreadAlert.raise(
            SpreadSuspected.Basis.INDICATOR,
            "DOMAIN",
            "bad.example",
            List.of(first, seen(POWER, 1)),
            NOON);
    assertThat(alert.include(List.of(first, seen(WATER, 2)))).isFalse();
    assertThat(alert.reportIds()).hasSize(3);
    assertThat(alert.include(List.of(seen(GAS, 3)))).isTrue();
    assertThat(alert.sectors()).isEqualTo(3);
    assertThat(alert.lastSeenAt()).isEqualTo(NOON.plusSeconds(3 * 3600));
  }

  private static SpreadSighting seen(UUID sector, int hours) {
    return new SpreadSighting(UUID.randomUUID(), sector, NOON.plusSeconds(hours * 3600L));
  }
}
