package org.mamori.situation.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.Directory;
import org.mamori.directory.SectorSummary;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.LocalizedText;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.SectorId;
import org.mamori.shared.Tlp;
import org.mamori.sharing.AdvisoryIssuer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * SITREPs (状況報告): a duty officer compiles a draft from the reports in scope the national hub may
 * read, edits it, and issues it as an advisory to the situation's participants and the operators of
 * the sectors in scope, under the current level's duties: at least its minimum marking, and asking
 * for acknowledgement where it says so. Every change is audited.
 */
@Service
@Transactional
class SitrepDesk {

  /** The acknowledgement deadline where the level sets no follow-up interval. */
  static final Duration DEFAULT_DEADLINE = Duration.ofHours(24);

  private final SituationDecisions decisions;
  private final Situations situations;
  private final SituationLevels levels;
  private final SituationParticipants participants;
  private final ScopeReports scope;
  private final Sitreps sitreps;
  private final AdvisoryIssuer advisories;
  private final Directory directory;
  private final Labels labels;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SitrepDesk(
      SituationDecisions decisions,
      Situations situations,
      SituationLevels levels,
      SituationParticipants participants,
      ScopeReports scope,
      Sitreps sitreps,
      AdvisoryIssuer advisories,
      Directory directory,
      Labels labels,
      ApplicationEventPublisher events,
      Clock clock) {
    this.decisions = decisions;
    this.situations = situations;
    this.levels = levels;
    this.participants = participants;
    this.scope = scope;
    this.sitreps = sitreps;
    this.advisories = advisories;
    this.directory = directory;
    this.labels = labels;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Compiles the situation's next SITREP as a draft, or compiles its open draft again (the same
   * number, fresh figures and text: edits to the text are replaced).
   */
  Sitrep draft(Actor by, UUID situationId) {
    require(by);
    Situation s = openSituation(situationId);
    Instant now = clock.instant();
    var previous = sitreps.lastIssued(s.id());
    var existing = sitreps.draft(s.id());
    int number = existing.map(Sitrep::number).orElseGet(() -> sitreps.nextNumber(s.id()));
    SitrepFigures figures =
        compile(
            s,
            previous.map(Sitrep::number).orElse(null),
            previous.map(Sitrep::issuedAt).orElse(null),
            now);
    SituationLevel level = levels.get(s.level());
    String body = SitrepText.draft(labels, s, number, level.name(), scopeNames(s), figures);
    Sitrep after;
    if (existing.isPresent()) {
      after = existing.get().recompiled(body, figures, by.person(), now);
      sitreps.update(after);
    } else {
      Instant deadline =
          level.asksAcknowledgement()
              ? now.plus(level.followUpInterval().orElse(DEFAULT_DEADLINE))
              : null;
      after =
          Sitrep.drafted(
              s.id(), number, body, level.defaultMarking(), deadline, figures, by.person(), now);
      sitreps.insert(after);
    }
    audit(by, "situation.sitrep.drafted", s, after, existing.orElse(null));
    return after;
  }

  /** Keeps the duty officer's edits to a draft. */
  Sitrep save(
      Actor by, UUID situationId, int number, String body, Tlp tlp, @Nullable Instant deadline) {
    require(by);
    Situation s = openSituation(situationId);
    Sitrep before = sitrep(s.id(), number);
    requireMarking(levels.get(s.level()), tlp);
    Sitrep after = before.edited(body, tlp, deadline);
    sitreps.update(after);
    audit(by, "situation.sitrep.saved", s, after, before);
    return after;
  }

  /**
   * Issues the saved draft as an advisory asking for acknowledgement, to the organisations taking
   * part in the situation now and the operators of the sectors in scope (every sector for a
   * national situation).
   *
   * @throws org.mamori.sharing.AdvisoryRefused when the sharing rules refuse the advisory
   */
  Sitrep issue(Actor by, UUID situationId, int number) {
    require(by);
    Situation s = openSituation(situationId);
    Sitrep before = sitrep(s.id(), number);
    if (!before.draft()) {
      throw new SituationRuleViolation("situation.sitrep.rule.issued");
    }
    if (before.body().isBlank()) {
      throw new SituationRuleViolation("situation.sitrep.rule.bodyRequired").on("body");
    }
    // The level now decides, not the level when the draft was saved.
    SituationLevel level = levels.get(s.level());
    requireMarking(level, before.tlp());
    if (level.asksAcknowledgement() && before.acknowledgeBy() == null) {
      throw new SituationRuleViolation("situation.sitrep.rule.deadlineRequired")
          .on("acknowledgeBy");
    }
    Set<SectorId> sectors =
        s.national()
            ? directory.sectors().stream().map(SectorSummary::id).collect(Collectors.toSet())
            : s.sectors();
    Set<OrganisationId> present = new HashSet<>();
    participants.present(s.id()).forEach(p -> present.add(p.organisation()));
    AdvisoryIssuer.Issued issued =
        advisories.issue(
            by,
            new AdvisoryIssuer.Request(
                SitrepText.title(labels, s, number),
                before.body(),
                before.tlp(),
                sectors,
                present,
                level.asksAcknowledgement() ? before.acknowledgeBy() : null));
    Sitrep after = before.issued(by.person(), clock.instant(), issued.id(), issued.reference());
    sitreps.update(after);
    audit(by, "situation.sitrep.issued", s, after, before);
    return after;
  }

  /** The level's duties: its advisories carry at least its minimum marking. */
  private static void requireMarking(SituationLevel level, Tlp tlp) {
    if (!level.allowsMarking(tlp)) {
      throw new SituationRuleViolation(
              "situation.sitrep.rule.belowMinimum", level.minimumTlp().label())
          .on("tlp");
    }
  }

  private SitrepFigures compile(
      Situation s, @Nullable Integer previous, @Nullable Instant since, Instant now) {
    ScopeReports.Picture picture = scope.of(s.id());
    Map<String, SituationLevel> byCode =
        levels.all().stream().collect(Collectors.toMap(SituationLevel::code, Function.identity()));
    List<SitrepFigures.LevelStep> history =
        situations.history(s.id()).stream()
            .map(
                c ->
                    new SitrepFigures.LevelStep(
                        c.decidedAt(),
                        c.fromLevel() == null ? null : byCode.get(c.fromLevel()).name(),
                        byCode.get(c.toLevel()).name()))
            .toList();
    SitrepCompiler.Names names =
        new SitrepCompiler.Names(
            directory.sectors(),
            labels.of("situation.sitrep.noSector"),
            stage -> labels.of("report.stage." + stage.name()),
            response -> labels.of("reportForm.response." + response));
    return SitrepCompiler.compile(
        picture.readable(), picture.unreadable(), history, previous, since, now, names);
  }

  private List<LocalizedText> scopeNames(Situation s) {
    return directory.sectors().stream()
        .filter(x -> s.sectors().contains(x.id()))
        .map(SectorSummary::name)
        .toList();
  }

  private void audit(
      Actor by, String action, Situation s, Sitrep subject, @Nullable Sitrep before) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            "situation-sitrep",
            subject.id().toString(),
            s.reference()
                + " 第"
                + subject.number()
                + "報"
                + (subject.advisoryReference() == null ? "" : " → " + subject.advisoryReference()),
            before == null ? null : new Audited(before),
            new Audited(subject)));
  }

  /** What the audit trail keeps of a SITREP (its figures are kept with it). */
  record Audited(
      int number,
      Sitrep.State state,
      String body,
      Tlp tlp,
      @Nullable Instant acknowledgeBy,
      @Nullable String advisory) {
    Audited(Sitrep s) {
      this(s.number(), s.state(), s.body(), s.tlp(), s.acknowledgeBy(), s.advisoryReference());
    }
  }

  private Sitrep sitrep(UUID situation, int number) {
    return sitreps
        .find(situation, number)
        .orElseThrow(() -> new SituationRuleViolation("situation.sitrep.rule.unknown"));
  }

  private Situation openSituation(UUID id) {
    Situation s =
        situations
            .find(id)
            .orElseThrow(() -> new SituationRuleViolation("situation.rule.situationUnknown"));
    if (!s.open()) {
      throw new SituationRuleViolation("situation.rule.situationClosed");
    }
    return s;
  }

  private void require(Actor actor) {
    if (!decisions.mayDecide(actor)) {
      throw new AccessDeniedException("only the national hub's duty officers write SITREPs");
    }
  }
}
