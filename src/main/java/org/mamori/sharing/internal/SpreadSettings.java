package org.mamori.sharing.internal;

import java.time.Duration;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When released reports from different sectors count as a possible spread ({@code mamori.spread.*},
 * or the environment variables {@code MAMORI_SPREAD_WINDOW} and {@code
 * MAMORI_SPREAD_IGNORED_CAUSES}).
 *
 * @param window how close in time the reports must be (72 hours unless set, e.g. {@code PT48H})
 * @param ignoredCauses causes too vague to link reports ("unknown", "other")
 */
@ConfigurationProperties("mamori.spread")
record SpreadSettings(
    @DefaultValue("PT72H") Duration window,
    @DefaultValue({"unknown", "other", "intentional-other", "accidental-other"})
        Set<String> ignoredCauses) {

  SpreadSettings {
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("the spread window must be positive: " + window);
    }
    ignoredCauses = Set.copyOf(ignoredCauses);
  }
}
