package org.mamori.situation.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.SectorId;
import org.springframework.stereotype.Component;

/**
 * The one evaluator of recognition rules: which rules a newly observed report meets, together with
 * the reports released before it within each rule's window. It only finds; proposing is the desk's
 * job and deciding a duty officer's.
 */
@Component
class RecognitionEvaluator {

  /**
   * A rule met by a group of reports.
   *
   * @param indicator the shared indicator, for {@link RecognitionRule.Kind#SHARED_INDICATOR}
   * @param reports the reports that meet it, oldest first; the new report among them
   */
  record Finding(RecognitionRule rule, @Nullable String indicator, List<ObservedReport> reports) {

    Set<SectorId> sectors() {
      return reports.stream()
          .map(ObservedReport::sector)
          .filter(Objects::nonNull)
          .collect(Collectors.toSet());
    }
  }

  /**
   * The findings that include {@code added}: a group met before it arrived was found then.
   *
   * @param observed the reports observed so far, {@code added} among them
   * @param now the time of the evaluation; each rule looks back its window from here
   */
  List<Finding> evaluate(
      List<RecognitionRule> rules,
      List<ObservedReport> observed,
      ObservedReport added,
      Instant now) {
    List<Finding> findings = new ArrayList<>();
    for (RecognitionRule rule : rules) {
      if (!rule.enabled()) {
        continue;
      }
      Instant from = now.minus(rule.window());
      Predicate<ObservedReport> inWindow =
          r -> !r.releasedAt().isBefore(from) && !r.releasedAt().isAfter(now);
      if (!inWindow.test(added)) {
        continue;
      }
      switch (rule.kind()) {
        case INTENTIONAL_OUTAGE ->
            group(
                    rule,
                    null,
                    observed,
                    inWindow.and(r -> r.intentional() && r.serviceStopped()),
                    added)
                .ifPresent(findings::add);
        case VERIFICATION_LEVEL ->
            group(
                    rule,
                    null,
                    observed,
                    inWindow.and(ObservedReport::verificationLevelReached),
                    added)
                .ifPresent(findings::add);
        case SHARED_INDICATOR -> {
          for (String indicator : added.indicators().stream().sorted().toList()) {
            group(
                    rule,
                    indicator,
                    observed,
                    inWindow.and(r -> r.indicators().contains(indicator)),
                    added)
                .ifPresent(findings::add);
          }
        }
      }
    }
    return findings;
  }

  private static Optional<Finding> group(
      RecognitionRule rule,
      @Nullable String indicator,
      List<ObservedReport> observed,
      Predicate<ObservedReport> picks,
      ObservedReport added) {
    if (!picks.test(added)) {
      return Optional.empty();
    }
    List<ObservedReport> reports =
        observed.stream()
            .filter(picks)
            .sorted(Comparator.comparing(ObservedReport::releasedAt))
            .toList();
    Finding finding = new Finding(rule, indicator, reports);
    return reports.size() >= rule.minReports() && finding.sectors().size() >= rule.minSectors()
        ? Optional.of(finding)
        : Optional.empty();
  }
}
