package org.mamori.sharing.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;

/**
 * A reporting regime (報告の決まり): when each report of a case is due, counted from the time the event
 * was noticed or from an earlier report. Regimes are data platform administrators keep; each
 * organisation follows one, the default one unless it chose another.
 *
 * @param firstReportMinutes the first report (速報) is due this long after the event was noticed
 *     ("promptly" made a number)
 * @param secondReportHours a fuller report is due this long after the event was noticed (NIS2's
 *     incident notification at 72 hours); null for none
 * @param followUpHours while the event goes on, a follow-up is due this long after the last report;
 *     null for no rhythm of its own (an open situation may still set one)
 * @param finalReportAmount the final report (最終報) is due this many {@code finalReportUnit} after
 *     {@code finalReportFrom}; null for no fixed time
 */
record ReportingRegime(
    String code,
    LocalizedText name,
    int firstReportMinutes,
    @Nullable Integer secondReportHours,
    @Nullable Integer followUpHours,
    @Nullable Integer finalReportAmount,
    Unit finalReportUnit,
    From finalReportFrom,
    boolean byDefault,
    int order) {

  /** Units a final report's deadline is counted in; days and months are counted in Japan time. */
  enum Unit {
    HOURS(ChronoUnit.HOURS),
    DAYS(ChronoUnit.DAYS),
    MONTHS(ChronoUnit.MONTHS);

    private final ChronoUnit unit;

    Unit(ChronoUnit unit) {
      this.unit = unit;
    }

    /**
     * The time this many units after, by the calendar in Japan (1 month after 31 January is 28/29
     * February).
     */
    Instant after(Instant start, long amount) {
      return start.atZone(StatisticPeriod.JAPAN).plus(amount, unit).toInstant();
    }
  }

  /** What the final report's deadline counts from. */
  enum From {
    /** The time the event was noticed. */
    NOTICED,
    /** The release of the second report (NIS2: one month after the incident notification). */
    SECOND_REPORT,
    /** The release of the first report saying the service has recovered (復旧). */
    RECOVERED
  }

  Duration firstReport() {
    return Duration.ofMinutes(firstReportMinutes);
  }

  Optional<Duration> secondReport() {
    return Optional.ofNullable(secondReportHours).map(Duration::ofHours);
  }

  Optional<Duration> followUp() {
    return Optional.ofNullable(followUpHours).map(Duration::ofHours);
  }
}
