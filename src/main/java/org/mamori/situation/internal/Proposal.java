package org.mamori.situation.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.mamori.shared.SectorId;

/**
 * A level proposed for a new situation ({@code situation} null) or for an open one, by a
 * recognition rule or by a duty officer. Nothing changes until a duty officer confirms it; a level
 * that needs two people needs a second, different duty officer, who is neither its proposer nor its
 * first confirmer.
 *
 * @param rule the rule that raised it; null when a duty officer called it
 * @param proposedBy the duty officer who called it; null when a rule raised it
 * @param reports the reports behind it
 */
record Proposal(
    UUID id,
    @Nullable UUID situation,
    @Nullable String rule,
    String title,
    String level,
    boolean national,
    Set<SectorId> sectors,
    Set<UUID> reports,
    String reason,
    Instant proposedAt,
    @Nullable PersonId proposedBy,
    State state,
    @Nullable PersonId firstConfirmedBy,
    @Nullable Instant firstConfirmedAt,
    String firstReason,
    @Nullable PersonId decidedBy,
    @Nullable Instant decidedAt,
    String decisionReason,
    long version) {

  enum State {
    PENDING,
    AWAITING_SECOND,
    CONFIRMED,
    DISMISSED;

    boolean open() {
      return this == PENDING || this == AWAITING_SECOND;
    }
  }

  Proposal {
    sectors = Set.copyOf(sectors);
    reports = Set.copyOf(reports);
  }

  static Proposal raised(
      @Nullable UUID situation,
      @Nullable String rule,
      @Nullable PersonId proposedBy,
      String title,
      String level,
      boolean national,
      Set<SectorId> sectors,
      Set<UUID> reports,
      String reason,
      Instant at) {
    return new Proposal(
        UUID.randomUUID(),
        situation,
        rule,
        title,
        level,
        national,
        sectors,
        reports,
        reason,
        at,
        proposedBy,
        State.PENDING,
        null,
        null,
        "",
        null,
        null,
        "",
        0);
  }

  /**
   * One duty officer's confirmation: the last one needed confirms the proposal, an earlier one
   * leaves it awaiting the second person.
   *
   * @throws SituationRuleViolation when it is no longer open, the reason is blank, or the second
   *     person is the proposer or the first confirmer
   */
  Proposal confirm(PersonId by, String why, SituationLevel target, Instant at) {
    requireOpen();
    String reason = required(why);
    if (state == State.AWAITING_SECOND) {
      if (by.equals(firstConfirmedBy) || by.equals(proposedBy)) {
        throw new SituationRuleViolation("situation.rule.secondPersonRequired");
      }
      return decided(State.CONFIRMED, by, at, reason);
    }
    if (target.twoPerson()) {
      return firstConfirmation(State.AWAITING_SECOND, by, at, reason);
    }
    return firstConfirmation(state, by, at, reason).decided(State.CONFIRMED, by, at, reason);
  }

  /** Dismisses it with a reason; nothing changes. */
  Proposal dismiss(PersonId by, String why, Instant at) {
    requireOpen();
    return decided(State.DISMISSED, by, at, required(why));
  }

  /** Adds reports that meet the same rule while it waits for a decision. */
  Proposal withMore(Set<SectorId> moreSectors, Set<UUID> moreReports) {
    Set<SectorId> allSectors = new HashSet<>(sectors);
    allSectors.addAll(moreSectors);
    Set<UUID> allReports = new HashSet<>(reports);
    allReports.addAll(moreReports);
    return with(
        allSectors,
        allReports,
        state,
        firstConfirmedBy,
        firstConfirmedAt,
        firstReason,
        decidedBy,
        decidedAt,
        decisionReason);
  }

  /** The first duty officer's confirmation recorded, in the given state. */
  private Proposal firstConfirmation(State next, PersonId by, Instant at, String why) {
    return with(sectors, reports, next, by, at, why, null, null, "");
  }

  private Proposal decided(State decision, PersonId by, Instant at, String why) {
    return with(
        sectors, reports, decision, firstConfirmedBy, firstConfirmedAt, firstReason, by, at, why);
  }

  /** The same proposal with what changes over its life replaced. */
  private Proposal with(
      Set<SectorId> newSectors,
      Set<UUID> newReports,
      State newState,
      @Nullable PersonId newFirstConfirmedBy,
      @Nullable Instant newFirstConfirmedAt,
      String newFirstReason,
      @Nullable PersonId newDecidedBy,
      @Nullable Instant newDecidedAt,
      String newDecisionReason) {
    return new Proposal(
        id,
        situation,
        rule,
        title,
        level,
        national,
        newSectors,
        newReports,
        reason,
        proposedAt,
        proposedBy,
        newState,
        newFirstConfirmedBy,
        newFirstConfirmedAt,
        newFirstReason,
        newDecidedBy,
        newDecidedAt,
        newDecisionReason,
        version);
  }

  private void requireOpen() {
    if (!state.open()) {
      throw new SituationRuleViolation("situation.rule.proposalDecided");
    }
  }

  private static String required(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new SituationRuleViolation("situation.rule.reasonRequired").on("reason");
    }
    return reason.strip();
  }
}
