package org.mamori.situation.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.mamori.access.AccessPolicy;
import org.mamori.directory.Capability;
import org.mamori.directory.Directory;
import org.mamori.shared.Actor;
import org.mamori.shared.AuditableChange;
import org.mamori.shared.OrganisationId;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;
import org.mamori.situation.SituationClosed;
import org.mamori.situation.SituationLevelChanged;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The duty officers' decisions: calling a level, confirming or dismissing a proposal, closing a
 * situation. Only people acting for the national hub with the duty-officer capability decide; every
 * decision is audited in its own transaction.
 */
@Service
@Transactional
class SituationDecisions {

  private final AccessPolicy access;
  private final Directory directory;
  private final SituationLevels levels;
  private final Situations situations;
  private final Proposals proposals;
  private final Posture posture;
  private final SituationParticipants participants;
  private final ApplicationEventPublisher events;
  private final Clock clock;

  SituationDecisions(
      AccessPolicy access,
      Directory directory,
      SituationLevels levels,
      Situations situations,
      Proposals proposals,
      Posture posture,
      SituationParticipants participants,
      ApplicationEventPublisher events,
      Clock clock) {
    this.access = access;
    this.directory = directory;
    this.levels = levels;
    this.situations = situations;
    this.proposals = proposals;
    this.posture = posture;
    this.participants = participants;
    this.events = events;
    this.clock = clock;
  }

  /** May the actor decide on levels: a duty officer acting for the national hub? */
  @Transactional(readOnly = true)
  boolean mayDecide(Actor actor) {
    return !actor.isSystem()
        && actor.organisation().equals(directory.nationalHub().id())
        && access.can(actor, Capability.DUTY_OFFICER);
  }

  /**
   * A duty officer's own call: a new situation ({@code situation} null) or a new level for an open
   * one. It counts as the caller's confirmation, so it takes effect at once unless the level needs
   * a second person.
   *
   * @return the proposal recording the call
   */
  UUID call(
      Actor by,
      @Nullable UUID situation,
      String title,
      String levelCode,
      boolean national,
      Set<SectorId> sectors,
      String reason) {
    requireDutyOfficer(by);
    SituationLevel level = levels.get(levelCode);
    if (situation == null) {
      if (level.rank() == 0) {
        throw new SituationRuleViolation("situation.rule.openAboveNormal").on("level");
      }
      if (!national && sectors.isEmpty()) {
        throw new SituationRuleViolation("situation.rule.scopeRequired").on("sectors");
      }
      if (title.isBlank()) {
        throw new SituationRuleViolation("situation.rule.titleRequired").on("title");
      }
    } else {
      Situation current = openSituation(situation);
      if (current.level().equals(levelCode)) {
        throw new SituationRuleViolation("situation.rule.sameLevel").on("level");
      }
      title = current.title();
    }
    if (reason.isBlank()) {
      throw new SituationRuleViolation("situation.rule.reasonRequired").on("reason");
    }
    Instant now = clock.instant();
    Proposal called =
        Proposal.raised(
            situation,
            null,
            by.person(),
            title.strip(),
            levelCode,
            national,
            sectors,
            Set.of(),
            reason.strip(),
            now);
    proposals.insert(called);
    audit(by, "situation.proposal.called", called, null, called);
    decideConfirmation(by, called, reason);
    return called.id();
  }

  /**
   * Confirms a proposal; where its level needs two people, the first confirmation waits for a
   * second duty officer.
   *
   * @return the situation the proposal opened or changed, once it took effect; null while it waits
   */
  @Nullable UUID confirm(Actor by, UUID proposalId, String reason) {
    requireDutyOfficer(by);
    return decideConfirmation(by, proposal(proposalId), reason);
  }

  void dismiss(Actor by, UUID proposalId, String reason) {
    requireDutyOfficer(by);
    Proposal before = proposal(proposalId);
    Proposal after = before.dismiss(by.person(), reason, clock.instant());
    proposals.update(after);
    audit(by, "situation.proposal.dismissed", after, before, after);
  }

  void close(Actor by, UUID situationId, String reason) {
    requireDutyOfficer(by);
    Situation before = openSituation(situationId);
    Instant now = clock.instant();
    Situation after = before.close(by.person(), reason, now);
    situations.update(after);
    Set<OrganisationId> tookPart = present(after);
    events.publishEvent(
        new AuditableChange(
            by,
            "situation.closed",
            "situation",
            after.id().toString(),
            after.reference() + ": " + after.closeReason(),
            before,
            after));
    posture.releaseAll(by, after, now);
    events.publishEvent(
        new SituationClosed(
            after.id(),
            after.reference(),
            levels.get(after.level()).name(),
            after.national(),
            after.sectors(),
            tookPart));
  }

  private @Nullable UUID decideConfirmation(Actor by, Proposal before, String reason) {
    SituationLevel target = levels.get(before.level());
    if (before.situation() != null) {
      openSituation(before.situation());
    }
    Proposal after = before.confirm(by.person(), reason, target, clock.instant());
    proposals.update(after);
    audit(
        by,
        after.state() == Proposal.State.CONFIRMED
            ? "situation.proposal.confirmed"
            : "situation.proposal.firstConfirmed",
        after,
        before,
        after);
    return after.state() == Proposal.State.CONFIRMED ? apply(by, after) : null;
  }

  /** Opens the situation, or moves it to the proposal's level, as confirmed. */
  private UUID apply(Actor by, Proposal confirmed) {
    Instant now = clock.instant();
    PersonId decidedBy = Objects.requireNonNull(confirmed.firstConfirmedBy(), "confirmed");
    PersonId second = confirmed.decidedBy();
    Situations.LevelChange change;
    Situation after;
    if (confirmed.situation() == null) {
      after =
          Situation.opened(
              situations.nextReference(now),
              confirmed.title(),
              confirmed.national(),
              confirmed.sectors(),
              confirmed.level(),
              decidedBy,
              now);
      situations.insert(after);
      change =
          new Situations.LevelChange(
              null,
              confirmed.level(),
              now,
              decidedBy,
              second(decidedBy, second),
              firstReason(confirmed));
      events.publishEvent(
          new AuditableChange(
              by,
              "situation.opened",
              "situation",
              after.id().toString(),
              after.reference() + ": " + confirmed.level(),
              null,
              after));
    } else {
      Situation before = openSituation(confirmed.situation());
      after = before.atLevel(confirmed.level(), confirmed.national(), confirmed.sectors());
      situations.update(after);
      change =
          new Situations.LevelChange(
              before.level(),
              after.level(),
              now,
              decidedBy,
              second(decidedBy, second),
              firstReason(confirmed));
      events.publishEvent(
          new AuditableChange(
              by,
              "situation.level.changed",
              "situation",
              after.id().toString(),
              after.reference() + ": " + before.level() + " → " + after.level(),
              before,
              after));
    }
    UUID changeId = situations.recordLevel(after.id(), change, confirmed.id());
    situations.addReports(after.id(), confirmed.reports(), now);
    // Those who leave with the change hear of it too.
    Set<OrganisationId> concerned = new HashSet<>(present(after));
    posture.apply(by, after, now);
    concerned.addAll(present(after));
    SituationLevel level = levels.get(after.level());
    events.publishEvent(
        new SituationLevelChanged(
            after.id(),
            after.reference(),
            changeId,
            change.fromLevel(),
            after.level(),
            level.name(),
            level.followUpMinutes(),
            after.national(),
            after.sectors(),
            concerned));
    return after.id();
  }

  private Set<OrganisationId> present(Situation s) {
    return participants.present(s.id()).stream()
        .map(SituationParticipants.Participant::organisation)
        .collect(Collectors.toSet());
  }

  /** The confirming reason of the first person; a second person's is on the proposal. */
  private static String firstReason(Proposal confirmed) {
    return confirmed.firstReason().isBlank() ? confirmed.decisionReason() : confirmed.firstReason();
  }

  private static @Nullable PersonId second(@Nullable PersonId first, @Nullable PersonId last) {
    return last == null || last.equals(first) ? null : last;
  }

  private void audit(
      Actor by, String action, Proposal subject, @Nullable Proposal before, Proposal after) {
    events.publishEvent(
        new AuditableChange(
            by,
            action,
            "situation-proposal",
            subject.id().toString(),
            subject.title() + " → " + subject.level() + " (" + subject.state() + ")",
            before,
            after));
  }

  private Proposal proposal(UUID id) {
    return proposals
        .find(id)
        .orElseThrow(() -> new SituationRuleViolation("situation.rule.proposalUnknown"));
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

  private void requireDutyOfficer(Actor actor) {
    if (!mayDecide(actor)) {
      throw new AccessDeniedException("only the national hub's duty officers decide on levels");
    }
  }
}
