package org.mamori.situation.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.shared.PersonId;
import org.mamori.shared.Tlp;

/**
 * A situation report (SITREP, 状況報告), numbered per situation (第1報, 第2報, …): a draft the duty officer
 * edits, then issued as an advisory that asks for acknowledgement. Issued ones never change.
 *
 * @param acknowledgeBy the deadline the advisory asks receipt to be acknowledged by
 */
record Sitrep(
    UUID id,
    UUID situation,
    int number,
    State state,
    String body,
    Tlp tlp,
    @Nullable Instant acknowledgeBy,
    SitrepFigures figures,
    Instant compiledAt,
    PersonId compiledBy,
    @Nullable Instant issuedAt,
    @Nullable PersonId issuedBy,
    @Nullable UUID advisory,
    @Nullable String advisoryReference,
    long version) {

  enum State {
    DRAFT,
    ISSUED
  }

  static Sitrep drafted(
      UUID situation,
      int number,
      String body,
      Tlp tlp,
      @Nullable Instant acknowledgeBy,
      SitrepFigures figures,
      PersonId by,
      Instant at) {
    return new Sitrep(
        UUID.randomUUID(),
        situation,
        number,
        State.DRAFT,
        body,
        tlp,
        acknowledgeBy,
        figures,
        at,
        by,
        null,
        null,
        null,
        null,
        0);
  }

  /** The draft compiled again: new figures and text, the same number. */
  Sitrep recompiled(String newBody, SitrepFigures newFigures, PersonId by, Instant at) {
    requireDraft();
    return new Sitrep(
        id,
        situation,
        number,
        state,
        newBody,
        tlp,
        acknowledgeBy,
        newFigures,
        at,
        by,
        null,
        null,
        null,
        null,
        version);
  }

  /** The draft as the duty officer edited it. */
  Sitrep edited(String newBody, Tlp newTlp, @Nullable Instant deadline) {
    requireDraft();
    return new Sitrep(
        id,
        situation,
        number,
        state,
        newBody.strip(),
        newTlp,
        deadline,
        figures,
        compiledAt,
        compiledBy,
        null,
        null,
        null,
        null,
        version);
  }

  Sitrep issued(PersonId by, Instant at, UUID advisoryId, String reference) {
    requireDraft();
    return new Sitrep(
        id,
        situation,
        number,
        State.ISSUED,
        body,
        tlp,
        acknowledgeBy,
        figures,
        compiledAt,
        compiledBy,
        at,
        by,
        advisoryId,
        reference,
        version);
  }

  public boolean draft() {
    return state == State.DRAFT;
  }

  private void requireDraft() {
    if (!draft()) {
      throw new SituationRuleViolation("situation.sitrep.rule.issued");
    }
  }
}
