package org.mamori.sharing.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ReportStage;
import org.mamori.sharing.SituationCadence;

/**
 * The reporting clock (報告期限): from a case's regime, the reports sent so far and the open
 * situations, which report is due next and by when. Plain Java, no database: {@link ReportClocks}
 * gathers what it needs.
 *
 * <ul>
 *   <li>Nothing sent yet: the first report is due {@code firstReportMinutes} after the event was
 *       noticed.
 *   <li>A final report sent: the case is closed, nothing is due.
 *   <li>Otherwise the earliest of: the second report (where the regime has one and only the first
 *       was sent); a follow-up (while the latest report does not say the service recovered) after
 *       the regime's interval, or after an open situation's interval when that is stricter and the
 *       situation covers the case's sector (counted from the later of the last report and the
 *       situation reaching its level); the final report, where its start is known.
 *   <li>When none of these has a time (a regime whose final report counts from recovery, on a case
 *       not yet recovered), the final report is next, with no time.
 * </ul>
 *
 * A deadline is overdue once the clock has passed it: exactly on time is still on time.
 */
final class ReportingClock {

  private ReportingClock() {}

  /** What is due. */
  enum Item {
    FIRST_REPORT,
    SECOND_REPORT,
    FOLLOW_UP,
    FINAL_REPORT
  }

  /** What the final report waits for when it has no time yet. */
  enum Waiting {
    /** The regime counts it from the report saying the service recovered. */
    RECOVERY,
    /** The regime sets it no time. */
    NOTHING
  }

  /** A report of the case that has left the organisation, in order. */
  record Sent(ReportStage stage, Instant at, boolean recovered) {}

  /**
   * What the clock knows of a case.
   *
   * @param noticedAt when the event was noticed (the latest version's answer)
   * @param sent the released versions, oldest first
   */
  record Facts(Instant noticedAt, @Nullable SectorId sector, List<Sent> sent) {
    Facts {
      sent = List.copyOf(sent);
    }
  }

  /**
   * The next report due.
   *
   * @param dueAt null when it has no time yet ({@code waiting} says why)
   * @param situation the situation whose rhythm set this deadline, if one did
   * @param everyMinutes the follow-up interval that applies, for a follow-up
   */
  record NextDue(
      Item item,
      @Nullable Instant dueAt,
      boolean overdue,
      @Nullable Waiting waiting,
      String regime,
      LocalizedText regimeName,
      @Nullable String situation,
      @Nullable LocalizedText situationLevel,
      @Nullable Long everyMinutes) {}

  /** The next report due, or empty when the case is closed. */
  static Optional<NextDue> next(
      ReportingRegime regime, Facts facts, List<SituationCadence.Rhythm> situations, Instant now) {
    List<Sent> sent = facts.sent();
    if (sent.isEmpty()) {
      return Optional.of(
          due(Item.FIRST_REPORT, facts.noticedAt().plus(regime.firstReport()), regime, now));
    }
    if (sent.stream().anyMatch(s -> s.stage() == ReportStage.FINAL)) {
      return Optional.empty();
    }
    Sent last = sent.get(sent.size() - 1);
    @Nullable Instant secondAt = sent.size() > 1 ? sent.get(1).at() : null;
    List<NextDue> candidates = new ArrayList<>();
    if (secondAt == null) {
      regime
          .secondReport()
          .ifPresent(
              d -> candidates.add(due(Item.SECOND_REPORT, facts.noticedAt().plus(d), regime, now)));
    }
    if (!last.recovered()) {
      followUp(regime, facts.sector(), last.at(), situations, now).ifPresent(candidates::add);
    }
    @Nullable Instant finalFrom =
        switch (regime.finalReportFrom()) {
          case NOTICED -> facts.noticedAt();
          case SECOND_REPORT -> secondAt;
          case RECOVERED -> last.recovered() ? recoveredAt(sent) : null;
        };
    Integer amount = regime.finalReportAmount();
    if (finalFrom != null && amount != null) {
      candidates.add(
          due(Item.FINAL_REPORT, regime.finalReportUnit().after(finalFrom, amount), regime, now));
    }
    if (candidates.isEmpty()) {
      Waiting waiting =
          amount != null && regime.finalReportFrom() == ReportingRegime.From.RECOVERED
              ? Waiting.RECOVERY
              : Waiting.NOTHING;
      return Optional.of(
          new NextDue(
              Item.FINAL_REPORT,
              null,
              false,
              waiting,
              regime.code(),
              regime.name(),
              null,
              null,
              null));
    }
    return candidates.stream()
        .min(Comparator.comparing(NextDue::dueAt).thenComparing(NextDue::item));
  }

  /** The regime's follow-up, or an open situation's when it asks more often. */
  private static Optional<NextDue> followUp(
      ReportingRegime regime,
      @Nullable SectorId sector,
      Instant lastSent,
      List<SituationCadence.Rhythm> situations,
      Instant now) {
    Optional<Duration> own = regime.followUp();
    Optional<NextDue> bySituation =
        situations.stream()
            .filter(r -> r.covers(sector))
            .filter(r -> own.isEmpty() || r.every().compareTo(own.get()) < 0)
            .map(
                r -> {
                  Instant from = r.since().isAfter(lastSent) ? r.since() : lastSent;
                  Instant at = from.plus(r.every());
                  return new NextDue(
                      Item.FOLLOW_UP,
                      at,
                      now.isAfter(at),
                      null,
                      regime.code(),
                      regime.name(),
                      r.situation(),
                      r.level(),
                      r.every().toMinutes());
                })
            .min(
                Comparator.comparing((NextDue d) -> d.everyMinutes())
                    .thenComparing(NextDue::dueAt));
    if (bySituation.isPresent()) {
      return bySituation;
    }
    return own.map(
        every -> {
          Instant at = lastSent.plus(every);
          return new NextDue(
              Item.FOLLOW_UP,
              at,
              now.isAfter(at),
              null,
              regime.code(),
              regime.name(),
              null,
              null,
              every.toMinutes());
        });
  }

  /** When the reports started saying the service recovered (and have said so since). */
  private static Instant recoveredAt(List<Sent> sent) {
    int i = sent.size() - 1;
    while (i > 0 && sent.get(i - 1).recovered()) {
      i--;
    }
    return sent.get(i).at();
  }

  private static NextDue due(Item item, Instant at, ReportingRegime regime, Instant now) {
    return new NextDue(
        item, at, now.isAfter(at), null, regime.code(), regime.name(), null, null, null);
  }
}
