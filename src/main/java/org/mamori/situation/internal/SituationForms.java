package org.mamori.situation.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.mamori.directory.OrganisationKind;

/** What the situation pages' forms send. */
final class SituationForms {

  private SituationForms() {}

  /** A duty officer's call: a new situation, or a new level for an open one. */
  record Call(
      @Size(max = 200) @Nullable String title,
      @NotBlank String level,
      @Nullable Boolean national,
      @Nullable List<UUID> sectors,
      @NotBlank @Size(max = 4000) String reason) {

    static Call empty() {
      return new Call("", "", false, List.of(), "");
    }
  }

  /** A reason for a decision: confirming, dismissing, closing. */
  record Decision(@NotBlank @Size(max = 4000) String reason) {

    static Decision empty() {
      return new Decision("");
    }
  }

  /**
   * A platform administrator's edit of a level: its names, follow-up rhythm, two-person rule,
   * posture (the kinds of organisation and the named organisations that join at it) and duties (who
   * acknowledges its advisories, their least strict marking; unchanged when not sent).
   */
  record Level(
      @NotBlank @Size(max = 200) String nameJa,
      @Size(max = 200) @Nullable String nameEn,
      @Min(1) @Max(10080) @Nullable Integer followUpMinutes,
      @Nullable Boolean twoPerson,
      @Nullable List<OrganisationKind> joiningKinds,
      @Nullable List<UUID> joiningOrganisations,
      @Nullable String acknowledgement,
      @Nullable String minimumTlp) {}

  /**
   * A SITREP draft as the duty officer edited it: its text, marking and acknowledgement deadline
   * (Japan time, as the browser's date-time field gives it: {@code 2026-11-30T17:00}), and whether
   * to keep it or issue it ({@code action} {@code save} or {@code issue}).
   */
  record Sitrep(
      @NotBlank @Size(max = 20_000) @Nullable String body,
      @Nullable String tlp,
      @Nullable String acknowledgeBy,
      @Nullable String action) {}
}
