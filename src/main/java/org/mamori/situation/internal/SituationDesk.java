package org.mamori.situation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.SectorId;
import org.mamori.sharing.ReportReleased;
import org.mamori.sharing.ReportSummaries;
import org.mamori.sharing.ReportSummary;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The national hub's situation desk: reads each released report the hub may read, adds it to the
 * open situations whose scope takes in its sector, and weighs it against the recognition rules. A
 * rule that is met raises a proposal for a duty officer; it never changes a level itself.
 *
 * <p>It runs after the release commits, from the event publication registry: a crash delays the
 * check, never loses it, and a failing check never holds up a report.
 */
@Component
class SituationDesk {

  private static final Set<String> SERVICE_STOPPED = Set.of("stopped", "unusable");

  private final ReportSummaries summaries;
  private final Directory directory;
  private final ObservedReports observed;
  private final RecognitionRules rules;
  private final RecognitionEvaluator evaluator;
  private final SituationLevels levels;
  private final Situations situations;
  private final Proposals proposals;
  private final JdbcClient jdbc;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SituationDesk(
      ReportSummaries summaries,
      Directory directory,
      ObservedReports observed,
      RecognitionRules rules,
      RecognitionEvaluator evaluator,
      SituationLevels levels,
      Situations situations,
      Proposals proposals,
      JdbcClient jdbc,
      ApplicationEventPublisher events,
      Clock clock) {
    this.summaries = summaries;
    this.directory = directory;
    this.observed = observed;
    this.rules = rules;
    this.evaluator = evaluator;
    this.levels = levels;
    this.situations = situations;
    this.proposals = proposals;
    this.jdbc = jdbc;
    this.events = events;
    this.clock = clock;
  }

  @ApplicationModuleListener
  public void on(ReportReleased released) {
    observe(released.reference());
  }

  /**
   * Reads one report as the hub and weighs it; reading it again changes nothing new.
   *
   * @return the proposals the report is behind now (raised, or joined)
   */
  @Transactional
  public List<UUID> observe(String reference) {
    var summary = summaries.readableBy(directory.nationalHub().id(), reference);
    if (summary.isEmpty()) {
      return List.of();
    }
    // One desk at a time: two reports of one attack arriving together must raise one proposal.
    jdbc.sql("select pg_advisory_xact_lock(hashtextextended('mamori.situation-desk', 0))")
        .query((rs, i) -> 1)
        .list();
    ObservedReport report = observation(summary.get());
    observed.save(report);
    Instant now = clock.instant();
    if (report.sector() != null) {
      for (Situation s : situations.open()) {
        if (s.covers(Set.of(report.sector()))) {
          situations.addReports(s.id(), List.of(report.id()), now);
        }
      }
    }
    List<RecognitionRule> enabled = rules.enabled();
    Duration longest =
        enabled.stream()
            .map(RecognitionRule::window)
            .max(Duration::compareTo)
            .orElse(Duration.ZERO);
    List<ObservedReport> recent = observed.releasedBetween(now.minus(longest), now);
    List<UUID> behind = new ArrayList<>();
    for (RecognitionEvaluator.Finding finding : evaluator.evaluate(enabled, recent, report, now)) {
      propose(finding, now).ifPresent(behind::add);
    }
    return behind;
  }

  private Optional<UUID> propose(RecognitionEvaluator.Finding finding, Instant now) {
    RecognitionRule rule = finding.rule();
    SituationLevel target = levels.get(rule.proposedLevel());
    Set<SectorId> sectors = finding.sectors();
    Set<UUID> reports =
        finding.reports().stream().map(ObservedReport::id).collect(Collectors.toSet());
    List<Situation> open = situations.open();
    boolean handled =
        open.stream()
            .anyMatch(s -> s.covers(sectors) && levels.get(s.level()).rank() >= target.rank());
    if (handled) {
      return Optional.empty();
    }
    var waiting = proposals.openFromRule(rule.code());
    if (waiting.isPresent()) {
      proposals.update(waiting.get().withMore(sectors, reports));
      return Optional.of(waiting.get().id());
    }
    UUID escalated =
        open.stream()
            .filter(s -> s.national() || s.sectors().stream().anyMatch(sectors::contains))
            .filter(s -> target.isAbove(levels.get(s.level())))
            .map(Situation::id)
            .findFirst()
            .orElse(null);
    Proposal proposal =
        Proposal.raised(
            escalated,
            rule.code(),
            null,
            rule.name().ja(),
            target.code(),
            false,
            sectors,
            reports,
            finding.indicator() == null ? "" : finding.indicator(),
            now);
    proposals.insert(proposal);
    events.publishEvent(
        new AuditableChange(
            Actor.SYSTEM,
            "situation.proposal.raised",
            "situation-proposal",
            proposal.id().toString(),
            rule.code() + " → " + target.code() + " (" + reports.size() + " reports)",
            null,
            proposal));
    return Optional.of(proposal.id());
  }

  private static ObservedReport observation(ReportSummary s) {
    return new ObservedReport(
        s.id(),
        s.reference(),
        s.sector(),
        s.releasedAt(),
        s.causeGroups().contains("INTENTIONAL"),
        SERVICE_STOPPED.contains(s.impact()),
        s.verificationLevelReached(),
        s.indicators().stream()
            .map(i -> i.type().name().toLowerCase(Locale.ROOT) + ":" + i.value())
            .collect(Collectors.toSet()));
  }
}
