package org.mamori.notify.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class NotifySettingsTest {

  final NotifySettings settings =
      new NotifySettings(
          Duration.ofSeconds(5), 20, Duration.ofMinutes(1), 10, Duration.ofMinutes(2));

  @Test
  void eachFailureDoublesTheWaitUpToSixHours() {
    assertThat(settings.retryAfter(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(settings.retryAfter(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(settings.retryAfter(4)).isEqualTo(Duration.ofMinutes(8));
    assertThat(settings.retryAfter(9)).isEqualTo(Duration.ofHours(4).plusMinutes(16));
    assertThat(settings.retryAfter(10)).isEqualTo(Duration.ofHours(6));
    assertThat(settings.retryAfter(60)).isEqualTo(Duration.ofHours(6));
  }
}
